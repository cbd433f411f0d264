package dev.sieve.server;

import com.fasterxml.jackson.databind.util.RawValue;
import dev.sieve.model.DatabankEntry;
import dev.sieve.model.Entity;
import dev.sieve.model.Match;
import dev.sieve.model.Publication;
import dev.sieve.model.StoredEntity;
import dev.sieve.store.AuditEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The API's response documents. */
final class Views {
    private Views() {
    }

    record PublicationView(long id, String source, String format, Instant publishedAt, String dateSource,
                           Instant effectiveAt, Instant loadedAt, String sha256, int recordCount, int rejectedCount) {
        static PublicationView of(Publication p) {
            return new PublicationView(p.id(), p.source(), p.format(), p.publishedAt(), p.dateSource(), p.effectiveAt(),
                    p.loadedAt(), p.sha256(), p.recordCount(), p.rejectedCount());
        }
    }

    static List<PublicationView> publications(List<Publication> ps) {
        return ps.stream().map(PublicationView::of).toList();
    }

    private record Written(List<Publication> publications, RawValue json) {
    }

    private static volatile Written lastWritten = new Written(List.of(), new RawValue("[]"));

    /**
     * The publications an index was built from, as JSON, written once per index: every screening
     * answer carries them, and an index keeps the same list object until it is replaced.
     */
    static RawValue publicationsJson(List<Publication> ps) {
        Written last = lastWritten;
        if (last.publications() != ps) {
            last = new Written(ps, new RawValue(ApiJson.write(publications(ps))));
            lastWritten = last;
        }
        return last.json();
    }

    record ScreenResult(List<Match> matches, RawValue publications, long auditEvent) {
    }

    record BatchItem(String id, List<Match> matches) {
    }

    record BatchResult(List<BatchItem> results, RawValue publications, long auditEvent) {
    }

    /** A listed entity with its history in the lists. */
    record ListedEntityView(Entity entity, String kind, PublicationView publication, PublicationView firstSeen,
                            PublicationView lastSeen, boolean delisted) {
        static ListedEntityView of(StoredEntity s) {
            return new ListedEntityView(s.entity(), "list", PublicationView.of(s.publication()),
                    PublicationView.of(s.firstSeen()), PublicationView.of(s.lastSeen()), s.delisted());
        }
    }

    /** A databank entry; the sharing is shown only to its owner. */
    record EntryView(Entity entity, String kind, String agency, int version, boolean delisted, Object sharing,
                     String reason, Instant createdAt, Instant updatedAt) {
        static EntryView of(DatabankEntry e, String viewer) {
            boolean owner = e.agency().equals(viewer);
            Object sharing = switch (e.sharing().kind()) {
                case PRIVATE -> "private";
                case ALL -> "all";
                case AGENCIES -> e.sharing().agencies().stream().sorted().toList();
            };
            return new EntryView(e.entity(), "databank", e.agency(), e.version(), e.delisted(), owner ? sharing : null,
                    owner ? e.reason() : null, e.createdAt(), e.updatedAt());
        }
    }

    record SearchHit(String id, String name, String schema, String source) {
    }

    record SearchResult(List<SearchHit> results, int limit, int offset) {
    }

    record AuditView(long seq, Instant at, String agency, String keyId, String action, String target, Object detail,
                     String prevHash, String hash) {
        static AuditView of(AuditEvent e) {
            Object detail;
            try {
                detail = ApiJson.MAPPER.readTree(e.detail());
            } catch (java.io.IOException ex) {
                detail = e.detail();
            }
            return new AuditView(e.seq(), e.at(), e.agency(), e.keyId(), e.action(), e.target(), detail, e.prevHash(), e.hash());
        }
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }
}
