package de.catalogsync.bench;

import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.configuration.support.MapJobRegistry;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.support.TaskExecutorJobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.JdbcJobRepositoryFactoryBean;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.database.JdbcBatchItemWriter;
import org.springframework.batch.infrastructure.item.database.builder.JdbcBatchItemWriterBuilder;
import org.springframework.batch.infrastructure.item.file.FlatFileItemReader;
import org.springframework.batch.infrastructure.item.file.builder.FlatFileItemReaderBuilder;
import org.springframework.batch.infrastructure.item.file.separator.DefaultRecordSeparatorPolicy;
import org.springframework.batch.infrastructure.item.file.transform.DelimitedLineTokenizer;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.jdbc.support.JdbcTransactionManager;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Comparator (b), the typical Spring Batch job: per file one chunk-oriented step (chunk 1000) with a JDBC job
 * repository, reading CSV with {@link FlatFileItemReader} ({@link DefaultRecordSeparatorPolicy} for quoted
 * newlines, {@link DelimitedLineTokenizer}) and XZuFi with a hand-written StAX reader ({@link RawRows.Xml}), writing
 * the raw rows with {@link JdbcBatchItemWriter} into the fresh database its caller made (H2 file, or a PostgreSQL
 * schema with --postgres) through a Hikari pool.
 */
final class TypicalSpringBatchLoad {

    static final int CHUNK = 1000;

    private TypicalSpringBatchLoad() {
    }

    static Timing run(List<BenchDataset.StateFile> files, BenchDatabase db, String name) throws Exception {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(db.url(name));
        ds.setUsername(db.user());
        ds.setPassword(db.password());
        ds.setMaximumPoolSize(4);
        try {
            String schema = db.postgres() ? "schema-postgresql.sql" : "schema-h2.sql";
            new ResourceDatabasePopulator(new ClassPathResource("org/springframework/batch/core/" + schema)).execute(ds);
            new JdbcTemplate(ds).execute(FloorLoad.createTable("raw_row"));
            JdbcTransactionManager tx = new JdbcTransactionManager(ds);
            JdbcJobRepositoryFactoryBean factory = new JdbcJobRepositoryFactoryBean();
            factory.setDataSource(ds);
            factory.setTransactionManager(tx);
            factory.afterPropertiesSet();
            JobRepository repository = factory.getObject();

            List<Step> steps = new ArrayList<>();
            long[] rows = new long[1];
            int fileNo = 0;
            for (BenchDataset.StateFile file : files) {
                fileNo++;
                int no = fileNo;
                long[] seq = new long[1];
                JdbcBatchItemWriter<String[]> writer = new JdbcBatchItemWriterBuilder<String[]>()
                        .dataSource(ds)
                        .sql(FloorLoad.insert("raw_row"))
                        .itemPreparedStatementSetter((item, ps) -> {
                            ps.setInt(1, no);
                            ps.setLong(2, ++seq[0]);
                            for (int i = 0; i < RawRows.WIDTH; i++) {
                                ps.setString(3 + i, i < item.length ? item[i] : null);
                            }
                            rows[0]++;
                        })
                        .assertUpdates(true)
                        .build();
                steps.add(new StepBuilder("load-" + file.land().name(), repository)
                        .<String[], String[]>chunk(CHUNK)
                        .transactionManager(tx)
                        .reader(reader(file))
                        .writer(writer)
                        .build());
            }
            SimpleJobBuilder job = new JobBuilder("typicalLoad", repository).start(steps.get(0));
            for (Step step : steps.subList(1, steps.size())) {
                job.next(step);
            }
            Job built = job.build();
            TaskExecutorJobOperator operator = new TaskExecutorJobOperator();
            operator.setJobRepository(repository);
            operator.setJobRegistry(new MapJobRegistry());
            operator.afterPropertiesSet();

            long start = System.nanoTime();
            JobExecution execution = operator.start(built, new JobParameters());
            double seconds = (System.nanoTime() - start) / 1e9;
            if (execution.getStatus() != BatchStatus.COMPLETED) {
                throw new IllegalStateException("the typical Spring Batch job ended " + execution.getStatus() + ": "
                        + execution.getAllFailureExceptions());
            }
            return new Timing(rows[0], seconds);
        } finally {
            ds.close();
        }
    }

    private static ItemStreamReader<String[]> reader(BenchDataset.StateFile file) {
        if (file.shape() == BenchDataset.Shape.XZUFI) {
            return new XmlReader(file);
        }
        DelimitedLineTokenizer tokenizer = new DelimitedLineTokenizer(String.valueOf(file.separator()));
        tokenizer.setQuoteCharacter('"');
        tokenizer.setStrict(false); // a record with a missing field is padded, not fatal
        FlatFileItemReader<String[]> reader = new FlatFileItemReaderBuilder<String[]>()
                .name("csv-" + file.land().name())
                .resource(new FileSystemResource(file.file()))
                .encoding(file.encoding().name())
                .linesToSkip(1)
                .recordSeparatorPolicy(new DefaultRecordSeparatorPolicy())
                .lineTokenizer(tokenizer)
                .fieldSetMapper(fieldSet -> fieldSet.getValues())
                .build();
        return reader;
    }

    /** The hand StAX reader as an item reader (not restartable: the typical job here never restarts). */
    private static final class XmlReader implements ItemStreamReader<String[]> {
        private final BenchDataset.StateFile file;
        private RawRows rows;

        XmlReader(BenchDataset.StateFile file) {
            this.file = file;
        }

        @Override
        public void open(ExecutionContext context) {
            try {
                rows = RawRows.open(file);
            } catch (Exception e) {
                throw new ItemStreamException("cannot open " + file.file(), e);
            }
        }

        @Override
        public String[] read() throws Exception {
            return rows.next();
        }

        @Override
        public void close() {
            if (rows != null) {
                try {
                    rows.close();
                } catch (Exception e) {
                    throw new ItemStreamException("cannot close " + file.file(), e);
                }
                rows = null;
            }
        }
    }
}
