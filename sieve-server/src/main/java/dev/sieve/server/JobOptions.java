package dev.sieve.server;

import dev.sieve.channels.customer.ColumnMapping;
import dev.sieve.channels.customer.CustomerFileReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How a job's customer file is read, kept with the job (in its column-mapping text: one {@code FIELD=HEADER}
 * per line, and {@code @delimiter=;} / {@code @date_format=dd/MM/yyyy} lines), so a resumed job reads
 * the file exactly as its submission did, and {@code @monitor=true} when its rows are enrolled as monitored subjects.
 */
record JobOptions(List<String> columns, Character delimiter, String dateFormat, boolean monitor) {
    static JobOptions decode(String stored) {
        List<String> columns = new ArrayList<>();
        Character delimiter = null;
        String dateFormat = null;
        boolean monitor = false;
        for (String line : Arrays.asList(stored.split("\n"))) {
            if (line.startsWith("@delimiter=") && line.length() == "@delimiter=".length() + 1) delimiter = line.charAt(line.length() - 1);
            else if (line.startsWith("@date_format=")) dateFormat = line.substring("@date_format=".length());
            else if (line.equals("@monitor=true")) monitor = true;
            else if (!line.isBlank()) columns.add(line);
        }
        return new JobOptions(columns, delimiter, dateFormat, monitor);
    }

    String encode() {
        List<String> lines = new ArrayList<>(columns);
        if (delimiter != null) lines.add("@delimiter=" + delimiter);
        if (dateFormat != null) lines.add("@date_format=" + dateFormat);
        if (monitor) lines.add("@monitor=true");
        return String.join("\n", lines);
    }

    CustomerFileReader.Options readerOptions() {
        return new CustomerFileReader.Options(ColumnMapping.parse(columns), delimiter, dateFormat, null, 10);
    }
}
