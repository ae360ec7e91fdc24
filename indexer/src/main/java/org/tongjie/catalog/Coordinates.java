package org.tongjie.catalog;

/** WGS84 position of a service point, used to order holdings nearest-first. */
public record Coordinates(double latitude, double longitude) {
    private static final double EARTH_RADIUS_KM = 6371.0088;

    public Coordinates {
        if (latitude < -90 || latitude > 90) {
            throw new IllegalArgumentException("latitude must be within [-90, 90], was " + latitude);
        }
        if (longitude < -180 || longitude > 180) {
            throw new IllegalArgumentException("longitude must be within [-180, 180], was " + longitude);
        }
    }

    /** Great-circle (haversine) distance in kilometres: what "nearest" means between a reader and a library. */
    public double kilometresTo(Coordinates other) {
        double dLat = Math.toRadians(other.latitude - latitude);
        double dLon = Math.toRadians(other.longitude - longitude);
        double h = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(Math.toRadians(latitude))
                * Math.cos(Math.toRadians(other.latitude)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
