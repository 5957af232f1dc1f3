package netdyn.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Raw label strings encoded as class indices: distinct labels sorted numerically when all are
 * integers, alphabetically otherwise, and numbered 0..K−1 in that order.
 */
record Labels(int[] codes, List<String> classNames) {

    static Labels encode(String[] raw) {
        boolean integers = true;
        for (String s : raw) {
            if (!CsvLoader.isInteger(s)) {
                integers = false;
                break;
            }
        }
        Comparator<String> order = integers ? Comparator.comparingLong(s -> Long.parseLong(s.trim()))
                : Comparator.naturalOrder();
        TreeSet<String> distinct = new TreeSet<>(order);
        for (String s : raw) {
            distinct.add(s);
        }
        List<String> names = new ArrayList<>(distinct);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            index.put(names.get(i), i);
        }
        int[] codes = new int[raw.length];
        for (int i = 0; i < raw.length; i++) {
            // integer labels "01" and "1" are the same class
            codes[i] = integers ? names.indexOf(distinct.floor(raw[i])) : index.get(raw[i]);
        }
        return new Labels(codes, names);
    }
}
