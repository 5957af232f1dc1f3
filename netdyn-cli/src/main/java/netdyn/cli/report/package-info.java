/**
 * A self-contained HTML report with hand-written SVG figures: x/y charts on linear or log axes
 * ({@link netdyn.cli.report.SvgChart}), 2-D cell maps such as the trainability map over
 * (η_hidden, η_output) ({@link netdyn.cli.report.SvgHeatmap}), categorical regime strips along η
 * ({@link netdyn.cli.report.SvgStrip}), and the page that holds them ({@link netdyn.cli.report.HtmlPage}).
 * Every figure renders to one {@code <svg>} string that is well-formed XML; the page inlines them, its CSS and
 * one small script, and refers to nothing outside itself except download links to files beside it, so it works
 * offline. Colours default to the Okabe–Ito palette (colour-blind safe) and a viridis-like sequential map.
 *
 * <p>Misuse (arrays of different lengths, cell grids that do not match their centres, decreasing centres) is an
 * {@link java.lang.IllegalArgumentException} naming the sizes; non-finite data is not an error: NaN breaks a line
 * or band, a non-positive value is skipped on a log axis, a NaN cell is drawn in the "diverged" colour, and a
 * figure without finite data renders its axes with a "no data" note.
 *
 * <p>The pages: {@link netdyn.cli.report.ReportPages} builds the page of any run or sweep directory and
 * {@link netdyn.cli.report.AtlasReport} the atlas page from the rows it reads ({@link
 * netdyn.cli.report.SweepRows}); they draw what core measured and decided and decide nothing themselves.
 */
package netdyn.cli.report;
