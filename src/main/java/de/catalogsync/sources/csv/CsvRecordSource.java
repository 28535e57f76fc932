package de.catalogsync.sources.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CoderResult;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180Parser;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvMalformedLineException;
import com.opencsv.exceptions.CsvValidationException;

import de.catalogsync.config.SourceProperties;
import de.catalogsync.normalise.Provenance;
import de.catalogsync.normalise.RejectReason;
import de.catalogsync.normalise.StandardField;
import de.catalogsync.sources.CountingInputStream;
import de.catalogsync.sources.RecordSource;
import de.catalogsync.sources.SourceConfigurationException;
import de.catalogsync.sources.SourceReadException;
import de.catalogsync.sources.SourceRecord;

/**
 * Reads a state's CSV export with opencsv's RFC 4180 parser (which, unlike its default parser, keeps
 * backslashes). The decoder is strict: bytes that are not valid in the configured encoding fail the file
 * instead of turning into replacement characters.
 */
public class CsvRecordSource implements RecordSource {

    /** Marks a blank line, which is no record. */
    private static final SourceRecord BLANK = SourceRecord.of(new String[0], null, "");

    private final SourceProperties source;
    private final String fileName;
    private final CountingInputStream bytes;
    private final LineRecordingReader lines;
    private final CSVReader csv;
    private final int[] columnOfField = new int[StandardField.COUNT];
    private final int headerWidth;
    private long seq;
    private boolean finished;

    public CsvRecordSource(SourceProperties source, Path file) {
        this.source = source;
        this.fileName = file.toString();
        try {
            InputStream in = Files.newInputStream(file);
            this.bytes = new CountingInputStream(in);
        } catch (NoSuchFileException e) {
            throw new SourceReadException(fileName + ": export of " + source.state() + " not found");
        } catch (IOException e) {
            throw new SourceReadException(fileName + ": cannot open export of " + source.state() + ": " + e.getMessage(), e);
        }
        CharsetDecoder decoder = source.encoding().newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.lines = new LineRecordingReader(new InputStreamReader(bytes, decoder));
        RFC4180Parser parser = new RFC4180ParserBuilder()
                .withSeparator(source.separatorChar())
                .withQuoteChar(source.quoteChar())
                .build();
        this.csv = new CSVReaderBuilder(lines).withCSVParser(parser).build();
        try {
            String[] header = readHeader();
            this.headerWidth = header.length;
            mapColumns(header);
        } catch (UnterminatedRecordException e) {
            close();
            throw new SourceReadException(fileName + ": the header line of the export of " + source.state()
                    + " opens a quoted field that is never closed");
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private String[] readHeader() {
        String[] header = readRaw();
        if (header == null) {
            close();
            throw new SourceReadException(fileName + ": the export of " + source.state() + " is empty (no header line)");
        }
        if (header.length > 0 && !header[0].isEmpty() && header[0].charAt(0) == '\uFEFF') {
            header[0] = header[0].substring(1); // a UTF-8 BOM is always accepted
        }
        for (int i = 0; i < header.length; i++) {
            header[i] = header[i].strip();
        }
        return header;
    }

    private void mapColumns(String[] header) {
        Arrays.fill(columnOfField, -1);
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, String> column : source.columns().entrySet()) {
            StandardField field = StandardField.byKey(column.getKey()).orElseThrow(() -> new SourceConfigurationException(
                    "catalog.sources[" + source.state() + "].columns names \"" + column.getKey()
                            + "\", which is no field of the shared standard; known fields: "
                            + Arrays.stream(StandardField.values()).map(StandardField::key).toList()));
            int index = indexOf(header, column.getValue());
            if (index < 0) {
                missing.add("\"" + column.getValue() + "\" (for " + field.key() + ")");
            }
            columnOfField[field.ordinal()] = index;
        }
        if (!missing.isEmpty()) {
            close();
            throw new SourceConfigurationException("state " + source.state() + ", file " + fileName
                    + ": header " + String.join(", ", missing) + " named in catalog.sources[" + source.state()
                    + "].columns is missing from the file; its header is " + Arrays.toString(header)
                    + encodingHint(header));
        }
    }

    /** A header that only looks wrong because the file is in another encoding says so. */
    private String encodingHint(String[] header) {
        for (String h : header) {
            String mojibake = de.catalogsync.normalise.Mojibake.find(h);
            if (mojibake != null) {
                return "; the header reads " + mojibake + ": the file looks like UTF-8, but catalog.sources["
                        + source.state() + "].encoding is " + source.encoding().name();
            }
        }
        return "";
    }

    private static int indexOf(String[] header, String name) {
        for (int i = 0; i < header.length; i++) {
            if (header[i].equalsIgnoreCase(name.strip())) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public SourceRecord next() {
        SourceRecord record;
        do {
            record = nextOrBlank();
        } while (record == BLANK);
        return record;
    }

    private SourceRecord nextOrBlank() {
        if (finished) {
            return null;
        }
        lines.startRecord();
        long startLine = lines.lineCount() + 1;
        String[] fields;
        try {
            fields = readRaw();
        } catch (UnterminatedRecordException e) {
            finished = true;
            seq++;
            return SourceRecord.broken(new Provenance(fileName, startLine, seq, null), lines.recorded(),
                    RejectReason.RECORD, "quoted field opened in the record at line " + startLine
                            + " is never closed; the record runs to the end of the file (line " + lines.lineCount() + ")");
        }
        if (fields == null) {
            finished = true;
            return null;
        }
        seq++;
        // Blank lines are not records; a blank line is common at the end of exports.
        if (fields.length == 1 && fields[0].isBlank() && headerWidth > 1) {
            seq--;
            return BLANK;
        }
        Provenance provenance = new Provenance(fileName, startLine, seq, null);
        String raw = lines.recorded();
        if (fields.length != headerWidth) {
            return SourceRecord.broken(provenance, raw, RejectReason.COLUMNS,
                    "record has " + fields.length + " fields, the header has " + headerWidth);
        }
        String[] values = new String[StandardField.COUNT];
        for (int f = 0; f < values.length; f++) {
            int column = columnOfField[f];
            values[f] = column >= 0 ? fields[column] : null;
        }
        return SourceRecord.of(values, provenance, raw);
    }

    private String[] readRaw() {
        try {
            return csv.readNext();
        } catch (CsvMalformedLineException e) {
            throw new UnterminatedRecordException();
        } catch (CharacterCodingException e) {
            throw new SourceReadException(fileName + " line " + lineOfUndecodableBytes() + ": bytes that are not valid "
                    + source.encoding() + " (the configured encoding of " + source.state() + "): " + e, e);
        } catch (IOException | CsvValidationException e) {
            throw new SourceReadException(fileName + " line " + (lines.lineCount() + 1) + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * The physical line (1-based; LF, CRLF and CR end a line, as for BufferedReader) of the first bytes the configured
     * encoding cannot decode. The reader decodes far ahead of the line it hands out, so its own count cannot tell;
     * this re-decodes the file up to the bad bytes. Called only when the file has already failed.
     */
    private long lineOfUndecodableBytes() {
        CharsetDecoder decoder = source.encoding().newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(1 << 16);
        CharBuffer out = CharBuffer.allocate(1 << 16);
        long line = 1;
        boolean afterCr = false;
        try (ReadableByteChannel channel = Files.newByteChannel(Path.of(fileName))) {
            boolean eof = false;
            while (true) {
                eof = eof || channel.read(in) < 0;
                in.flip();
                CoderResult result = decoder.decode(in, out, eof);
                out.flip();
                while (out.hasRemaining()) {
                    char c = out.get();
                    if (c == '\n' && !afterCr || c == '\r') {
                        line++;
                    }
                    afterCr = c == '\r';
                }
                out.clear();
                if (result.isError()) {
                    return line;
                }
                in.compact();
                if (eof && result.isUnderflow()) {
                    return lines.lineCount() + 1; // not found again: fall back to the reader's position
                }
            }
        } catch (IOException e) {
            return lines.lineCount() + 1;
        }
    }

    @Override
    public long bytesRead() {
        return bytes.count();
    }

    @Override
    public void close() {
        try {
            csv.close();
        } catch (IOException e) {
            // nothing left to lose
        }
    }

    private static final class UnterminatedRecordException extends RuntimeException {
        UnterminatedRecordException() {
            super(null, null, false, false);
        }
    }

    /**
     * Hands opencsv whole lines and keeps the lines of the record being read, so that line numbers and the raw
     * text of a reject are exact even for quoted fields that span lines.
     */
    static final class LineRecordingReader extends BufferedReader {

        /** The record's lines after its first; most records have one line, kept as it was read, without a copy. */
        private final StringBuilder more = new StringBuilder(256);
        private String first;
        private long lineCount;

        LineRecordingReader(Reader in) {
            super(in, 1 << 16);
        }

        @Override
        public String readLine() throws IOException {
            String line = super.readLine();
            if (line != null) {
                lineCount++;
                if (first == null) {
                    first = line;
                } else {
                    more.append('\n').append(line);
                }
            }
            return line;
        }

        void startRecord() {
            first = null;
            more.setLength(0);
        }

        String recorded() {
            if (first == null) {
                return "";
            }
            return more.isEmpty() ? first : first + more;
        }

        long lineCount() {
            return lineCount;
        }
    }
}
