package dev.apprentice.anesthesia.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Which columns of a case file hold which track, and the syringe concentrations behind the pump
 * rates, because exports name tracks after the devices that recorded them and hospitals dilute
 * remifentanil differently (VitalDB has both RFTN20 and RFTN50).
 *
 * @param timeColumn seconds since the recording started
 * @param propofolTrack propofol pump rate, mL/h
 * @param remifentanilTrack remifentanil pump rate, mL/h
 * @param bisTrack bispectral index, 0–100
 * @param mapTracks mean arterial pressure, mmHg, in order of preference (e.g. arterial line, then
 *     cuff); a later track is read only when the earlier ones have no value
 * @param propofolMgPerMl propofol concentration in the syringe, mg/mL
 * @param remifentanilUgPerMl remifentanil concentration in the syringe, µg/mL
 */
public record TrackMapping(String timeColumn, String propofolTrack, String remifentanilTrack, String bisTrack,
        List<String> mapTracks, double propofolMgPerMl, double remifentanilUgPerMl) {

    /** VitalDB's time column. */
    public static final String VITALDB_TIME = "Time";
    /** VitalDB's propofol pump track (20 mg/mL). */
    public static final String VITALDB_PROPOFOL = "Orchestra/PPF20_RATE";
    /** VitalDB's remifentanil pump track at 20 µg/mL. */
    public static final String VITALDB_REMIFENTANIL_20 = "Orchestra/RFTN20_RATE";
    /** VitalDB's remifentanil pump track at 50 µg/mL. */
    public static final String VITALDB_REMIFENTANIL_50 = "Orchestra/RFTN50_RATE";
    /** VitalDB's BIS track. */
    public static final String VITALDB_BIS = "BIS/BIS";
    /** VitalDB's arterial-line MAP track. */
    public static final String VITALDB_ART_MAP = "Solar8000/ART_MBP";
    /** VitalDB's cuff (non-invasive) MAP track. */
    public static final String VITALDB_NIBP_MAP = "Solar8000/NIBP_MBP";

    public TrackMapping {
        name(timeColumn, "timeColumn");
        name(propofolTrack, "propofolTrack");
        name(remifentanilTrack, "remifentanilTrack");
        name(bisTrack, "bisTrack");
        if (mapTracks == null || mapTracks.isEmpty()) {
            throw new IllegalArgumentException("mapTracks: expected at least one MAP track");
        }
        mapTracks = List.copyOf(mapTracks);
        for (String t : mapTracks) {
            name(t, "mapTracks");
        }
        List<String> all = columns(timeColumn, propofolTrack, remifentanilTrack, bisTrack, mapTracks);
        if (all.stream().distinct().count() != all.size()) {
            throw new IllegalArgumentException("mapping: expected a different column for every role, found " + all);
        }
        positive(propofolMgPerMl, "propofolMgPerMl");
        positive(remifentanilUgPerMl, "remifentanilUgPerMl");
    }

    /** VitalDB's names: PPF20 and RFTN20 pump rates, BIS, arterial MAP. */
    public static TrackMapping vitalDb() {
        return new TrackMapping(VITALDB_TIME, VITALDB_PROPOFOL, VITALDB_REMIFENTANIL_20, VITALDB_BIS,
                List.of(VITALDB_ART_MAP), 20, 20);
    }

    /** This mapping with another time column. */
    public TrackMapping withTimeColumn(String column) {
        return new TrackMapping(column, propofolTrack, remifentanilTrack, bisTrack, mapTracks, propofolMgPerMl,
                remifentanilUgPerMl);
    }

    /** This mapping with other MAP tracks, in order of preference. */
    public TrackMapping withMapTracks(List<String> tracks) {
        return new TrackMapping(timeColumn, propofolTrack, remifentanilTrack, bisTrack, tracks, propofolMgPerMl,
                remifentanilUgPerMl);
    }

    /** This mapping with another remifentanil track and syringe concentration. */
    public TrackMapping withRemifentanil(String track, double ugPerMl) {
        return new TrackMapping(timeColumn, propofolTrack, track, bisTrack, mapTracks, propofolMgPerMl, ugPerMl);
    }

    /** This mapping with another propofol track and syringe concentration. */
    public TrackMapping withPropofol(String track, double mgPerMl) {
        return new TrackMapping(timeColumn, track, remifentanilTrack, bisTrack, mapTracks, mgPerMl, remifentanilUgPerMl);
    }

    private static List<String> columns(String time, String propofol, String remifentanil, String bis, List<String> map) {
        List<String> all = new ArrayList<>(List.of(time, propofol, remifentanil, bis));
        all.addAll(map);
        return all;
    }

    private static void name(String column, String field) {
        if (column == null || column.isBlank()) {
            throw new IllegalArgumentException(field + ": expected a column name, found "
                    + (column == null ? "null" : "'" + column + "'"));
        }
    }

    private static void positive(double value, String field) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + ": expected a positive concentration, found " + value);
        }
    }
}
