package dev.sieve.regimes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A regime as answers show it (the API and the command line's JSON alike), in snake_case. */
public final class RegimeView {
    private RegimeView() {
    }

    /** A measure's status on a day: the last change's, or "not yet" before its first. */
    public static String status(Measure m, LocalDate day) {
        return m.on(day).map(c -> c.status().label()).orElse("not_yet_in_force");
    }

    /** A regime as JSON shows it: its measures' status on {@code day}, and with {@code history} its acts and timelines. */
    public static Map<String, Object> of(Regime r, LocalDate day, boolean history) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", r.id());
        o.put("authority", r.authority());
        o.put("title", r.title());
        List<Object> measures = new ArrayList<>();
        for (Measure m : r.measures()) {
            Map<String, Object> mo = new LinkedHashMap<>();
            mo.put("measure", m.type().label());
            mo.put("status", status(m, day));
            mo.put("binds", m.bindsOn(day));
            if (history) {
                List<Object> timeline = new ArrayList<>();
                for (Change c : m.timeline()) {
                    Map<String, Object> co = new LinkedHashMap<>();
                    co.put("date", c.date() == null ? null : c.date().toString());
                    co.put("status", c.status().label());
                    co.put("act", c.act());
                    if (c.note() != null) co.put("note", c.note());
                    timeline.add(co);
                }
                mo.put("timeline", timeline);
            }
            measures.add(mo);
        }
        o.put("measures", measures);
        if (history) {
            List<Object> acts = new ArrayList<>();
            for (Act a : r.acts()) {
                Map<String, Object> ao = new LinkedHashMap<>();
                ao.put("id", a.id());
                ao.put("date", a.date() == null ? null : a.date().toString());
                if (a.title() != null) ao.put("title", a.title());
                acts.add(ao);
            }
            o.put("acts", acts);
        }
        return o;
    }

    /**
     * The regimes an entity is listed under, each with the measures its listing carries: status on {@code day}, whether
     * it binds, since when and by which act (the entity page, "what applied on D", the command line alike).
     */
    public static List<Map<String, Object>> listings(dev.sieve.model.Entity entity, LocalDate day) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (RegimeCatalogue.Listing l : RegimeCatalogue.standard().listings(entity)) {
            List<Object> measures = new ArrayList<>();
            for (Measure m : l.regime().measures()) {
                if (!l.measures().contains(m.type())) continue;
                var change = m.on(day);
                Map<String, Object> mo = new LinkedHashMap<>();
                mo.put("measure", m.type().label());
                mo.put("status", status(m, day));
                mo.put("binds", m.bindsOn(day));
                mo.put("since", change.map(c -> c.date() == null ? null : c.date().toString()).orElse(null));
                mo.put("act", change.map(Change::act).orElse(null));
                measures.add(mo);
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("id", l.regime().id());
            r.put("title", l.regime().title());
            r.put("measures", measures);
            out.add(r);
        }
        return out;
    }
}
