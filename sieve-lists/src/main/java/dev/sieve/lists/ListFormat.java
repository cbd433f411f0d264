package dev.sieve.lists;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The official list formats Sieve reads, each with the source its publications belong to by default. */
public enum ListFormat {
    UN_XML("un-xml", "un", "UN Security Council consolidated list XML (CONSOLIDATED_LIST)"),
    OFAC_CSV("ofac-csv", "us-ofac-sdn", "OFAC SDN legacy CSV set (sdn.csv with alt.csv, add.csv, sdn_comments.csv)"),
    OFAC_XML("ofac-xml", "us-ofac-sdn", "OFAC XML (sdnList with sdnEntry: SDN or consolidated non-SDN)"),
    UK_CONLIST("uk-conlist", "uk-ofsi", "UK OFSI consolidated list CSV (ConList, 'Last Updated' line then headers; frozen on 28 January 2026)"),
    UK_SANCTIONS_XML("uk-sanctions-list-xml", "uk", "UK Sanctions List XML (FCDO; Designations/Designation), the UK's official list"),
    EU_FSF_XML("eu-fsf-xml", "eu-fsf", "EU consolidated financial sanctions XML (FSF 1.1, export/sanctionEntity)"),
    FTM_JSON("ftm-json", "ftm", "FollowTheMoney entity JSON lines (OpenSanctions)");

    private final String id;
    private final String defaultSource;
    private final String description;

    ListFormat(String id, String defaultSource, String description) {
        this.id = id;
        this.defaultSource = defaultSource;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public String defaultSource() {
        return defaultSource;
    }

    public String description() {
        return description;
    }

    /** One line per supported format, for error messages that must list them. */
    public static String supportedList() {
        return Arrays.stream(values()).map(f -> "  - " + f.id + ": " + f.description)
                .collect(Collectors.joining("\n"));
    }
}
