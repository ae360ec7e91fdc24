package org.tongjie.index;

import org.tongjie.catalog.Coordinates;

/** Great-circle distance: what "nearest" means between a reader and a library. */
final class Distance {
    private static final double EARTH_RADIUS_KM = 6371.0088;

    private Distance() {}

    /** Haversine distance in kilometres. */
    static double km(Coordinates a, Coordinates b) {
        double dLat = Math.toRadians(b.latitude() - a.latitude());
        double dLon = Math.toRadians(b.longitude() - a.longitude());
        double h = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(a.latitude())) * Math.cos(Math.toRadians(b.latitude())) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
