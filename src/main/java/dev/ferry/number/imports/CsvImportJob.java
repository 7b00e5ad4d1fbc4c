package dev.ferry.number.imports;

import dev.ferry.audit.AuditLog;
import dev.ferry.job.JobContext;
import dev.ferry.job.JobHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Applies a validated CSV upload to the inventory. The upload was parsed and checked when it was accepted; the job
 * holds its rows in the staging layout, so the job itself only merges them, as a whole or not at all.
 */
@ApplicationScoped
public class CsvImportJob implements JobHandler {

    public static final String KIND = "number.import.csv";
    private static final Logger LOG = Logger.getLogger(CsvImportJob.class);

    @Inject
    NumberImporter importer;

    @Inject
    AuditLog audit;

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Object run(JobContext context) {
        byte[] staged = context.attachment();
        String actor = context.input().path("submittedBy").asText("system");
        int rows = context.input().path("rows").asInt();
        context.progress(0, rows);

        NumberImporter.Outcome outcome =
                importer.merge(context.tenantId(), staged, actor, "imported from CSV (job " + context.jobId() + ")");

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("layout", context.input().path("layout").asText());
        result.put("rows", rows);
        result.put("created", outcome.created());
        result.put("updated", outcome.updated());
        result.put("unchanged", outcome.unchanged());
        audit.record(context.tenantId(), "number.imported", "job", Long.toString(context.jobId()), null, result);
        LOG.infof(
                "CSV import job %d: %d created, %d updated, %d unchanged",
                context.jobId(), outcome.created(), outcome.updated(), outcome.unchanged());
        return result;
    }
}
