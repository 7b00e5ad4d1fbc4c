package dev.ferry.number;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.common.phone.E164;
import dev.ferry.job.JobContext;
import dev.ferry.job.JobHandler;
import dev.ferry.provider.ProviderException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rents several numbers on Plivo, one after the other. A number Plivo refuses is reported and the others go on; the
 * numbers bought are recorded when the job succeeds. Should the replica stop midway, the job resumes elsewhere and
 * numbers already rented by the first run are found on the account and recorded, not bought again.
 */
@ApplicationScoped
public class PlivoPurchaseJob implements JobHandler {

    public static final String KIND = "number.purchase.plivo";

    @Inject
    PlivoNumberService plivoNumbers;

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Object run(JobContext context) {
        JsonNode input = context.input();
        String appId = input.path("appId").isTextual() ? input.path("appId").asText() : null;
        List<String> bought = new ArrayList<>();
        List<Map<String, Object>> refused = new ArrayList<>();
        int done = 0;
        int total = input.path("numbers").size();
        for (JsonNode item : input.path("numbers")) {
            E164 number = E164.of(item.asText());
            try {
                plivoNumbers.buyForJob(number, appId, context.jobId());
                bought.add(number.value());
            } catch (ProviderException e) {
                Map<String, Object> refusal = new LinkedHashMap<>();
                refusal.put("number", number.value());
                refusal.put("provider", e.provider());
                refusal.put("providerStatus", e.status());
                refusal.put("providerError", e.kind().name());
                refusal.put("reason", e.getMessage());
                refused.add(refusal);
            }
            context.progress(++done, total);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("bought", bought);
        result.put("refused", refused);
        return result;
    }
}
