package dev.sieve.lists;

import dev.sieve.model.Entity;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * Reads one list format, streaming, and maps every record into the one entity model.
 * Records that cannot be mapped are reported as {@link Problem}s (and not passed on); a file that
 * cannot be read at all raises {@link ListFormatException}. Deciding whether problems reject the
 * whole load is the caller's business.
 */
public interface ListReader {
    ListFormat format();

    ReadResult read(ListInput input, Consumer<Entity> sink) throws IOException;

    static ListReader forFormat(ListFormat format) {
        return switch (format) {
            case UN_XML -> new UnXmlReader();
            case OFAC_CSV -> new OfacCsvReader();
            case OFAC_XML -> new OfacXmlReader();
            case UK_CONLIST -> new UkConListReader();
            case EU_FSF_XML -> new EuFsfXmlReader();
            case UK_SANCTIONS_XML -> new UkSanctionsListReader();
            case FTM_JSON -> new FtmReader();
        };
    }
}
