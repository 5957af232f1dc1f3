package netdyn.data;

/**
 * Per-feature standardisation z = (x − mean) / std with the mean and (population) standard
 * deviation of the training rows; applied unchanged to the test rows. A constant feature keeps
 * std = 1 so that it maps to 0 rather than to NaN.
 */
public record Standardizer(double[] mean, double[] std) {

    public static Standardizer fit(Dataset train) {
        int d = train.featureCount();
        int n = train.size();
        double[] mean = new double[d];
        double[] std = new double[d];
        for (double[] row : train.features()) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        for (double[] row : train.features()) {
            for (int j = 0; j < d; j++) {
                double c = row[j] - mean[j];
                std[j] += c * c;
            }
        }
        for (int j = 0; j < d; j++) {
            double s = Math.sqrt(std[j] / n);
            std[j] = s > 0 ? s : 1;
        }
        return new Standardizer(mean, std);
    }

    public Dataset apply(Dataset data) {
        double[][] f = new double[data.size()][];
        for (int r = 0; r < f.length; r++) {
            double[] row = data.features()[r];
            double[] z = new double[row.length];
            for (int j = 0; j < row.length; j++) {
                z[j] = (row[j] - mean[j]) / std[j];
            }
            f[r] = z;
        }
        return new Dataset(data.name(), f, data.labels(), data.classNames(), data.featureNames(), data.targets());
    }
}
