package de.catalogsync.publish;

/**
 * Neutralises values that a spreadsheet would run as a formula (CSV injection): a leading =, +, -, @, tab or
 * carriage return gets a leading apostrophe, which spreadsheets show as text.
 */
public final class SpreadsheetSafe {

    private SpreadsheetSafe() {
    }

    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return value == null ? "" : value;
        }
        char c = value.charAt(0);
        if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') {
            return "'" + value;
        }
        return value;
    }
}
