package com.peptalk.automation.recipients;

import com.peptalk.automation.refusals.InvalidInputException;
import com.peptalk.events.comms.Channel;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * CSV import of contacts (RFC 4180 through Apache Commons CSV). Each row is checked by the same rules as the JSON
 * API ({@link ContactRequest}'s constraints, live projects of the company); the good rows are imported together,
 * each bad row is reported with its line number and reason, and a bad row never stops the others.
 */
@Component
class ContactImport {

    /** The columns; {@code roles} and {@code project_ids} hold several values separated by {@code ;}. */
    static final List<String> COLUMNS = List.of("name", "email", "phone", "roles", "project_ids",
            "preferred_channel", "locale", "time_zone", "email_opt_in", "sms_opt_in");
    static final int MAX_ROWS = 10_000;

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true).setTrim(true).get();

    private final ContactService contacts;
    private final Validator validator;

    ContactImport(ContactService contacts, Validator validator) {
        this.contacts = contacts;
        this.validator = validator;
    }

    /** What an import did: ids of the contacts made, and each rejected row. */
    record Report(int imported, List<Long> contactIds, List<Rejected> rejected) {
    }

    /** A row not imported: its line in the file (the header is line 1) and why. */
    record Rejected(long line, String reason) {
    }

    Report importCsv(long companyId, String csv) {
        List<ContactFields> good = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        try (CSVParser parser = FORMAT.parse(new StringReader(csv))) {
            List<String> missing = COLUMNS.subList(0, 5).stream()
                    .filter(column -> !parser.getHeaderNames().contains(column)).toList();
            if (!missing.isEmpty()) {
                throw new InvalidInputException("body", "the CSV header lacks the columns " + missing
                        + " (expected " + COLUMNS + ")");
            }
            for (CSVRecord row : parser) {
                if (good.size() + rejected.size() >= MAX_ROWS) {
                    throw new InvalidInputException("body", "more than " + MAX_ROWS + " rows; split the file");
                }
                long line = parser.getCurrentLineNumber();
                String reason = check(companyId, row, good);
                if (reason != null) {
                    rejected.add(new Rejected(line, reason));
                }
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (IllegalStateException | IllegalArgumentException | UncheckedIOException ex) {
            throw new InvalidInputException("body", "is not CSV this import reads (RFC 4180 with a header row)");
        }
        List<Long> ids = contacts.createAll(good);
        return new Report(ids.size(), ids, rejected);
    }

    /** Adds the row to {@code good} and answers null, or answers why it is rejected. */
    private String check(long companyId, CSVRecord row, List<ContactFields> good) {
        if (!row.isConsistent()) {
            return "has " + row.size() + " values where the header has " + row.getParser().getHeaderNames().size();
        }
        ContactRequest request;
        try {
            request = new ContactRequest(companyId, value(row, "name"), value(row, "email"), value(row, "phone"),
                    list(value(row, "roles")), list(value(row, "project_ids")).stream().map(Long::valueOf).toList(),
                    channel(value(row, "preferred_channel")), value(row, "locale"), value(row, "time_zone"),
                    flag(value(row, "email_opt_in")), flag(value(row, "sms_opt_in")));
        }
        catch (IllegalArgumentException ex) {
            return "project_ids, preferred_channel or an opt-in column has a value of the wrong kind";
        }
        Set<ConstraintViolation<ContactRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            return String.join("; ", violations.stream()
                    .sorted(Comparator.comparing(violation -> violation.getPropertyPath().toString()))
                    .map(violation -> column(violation.getPropertyPath().toString()) + " " + violation.getMessage())
                    .toList());
        }
        ContactFields fields = request.normalised();
        List<Long> unknown = contacts.unknownProjects(fields);
        if (!unknown.isEmpty()) {
            return "project_ids names unknown projects " + unknown;
        }
        good.add(fields);
        return null;
    }

    private static String value(CSVRecord row, String column) {
        if (!row.isMapped(column) || !row.isSet(column)) {
            return null;
        }
        String value = row.get(column);
        return value.isEmpty() ? null : value;
    }

    private static List<String> list(String value) {
        return value == null ? List.of() : Arrays.stream(value.split(";")).map(String::strip)
                .filter(part -> !part.isEmpty()).toList();
    }

    private static Channel channel(String value) {
        return value == null ? null : Channel.valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }

    private static Boolean flag(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException("not a yes/no value");
        };
    }

    /** The CSV column of a request field ({@code projectIds[0]} → {@code project_ids}). */
    private static String column(String property) {
        String field = property.replaceAll("\\[.*", "");
        return field.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
    }
}
