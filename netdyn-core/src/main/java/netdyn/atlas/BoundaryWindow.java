package netdyn.atlas;

import java.io.Serializable;

/**
 * A window of a trainability map: hidden-layer rates from {@code hiddenFrom} to {@code hiddenTo} and
 * output-layer rates from {@code outputFrom} to {@code outputTo}, ends included (grid values of the map).
 */
public record BoundaryWindow(double hiddenFrom, double hiddenTo, double outputFrom, double outputTo)
        implements Serializable {
}
