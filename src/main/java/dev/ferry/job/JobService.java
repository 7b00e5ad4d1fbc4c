package dev.ferry.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.access.Caller;
import dev.ferry.common.paging.Cursor;
import dev.ferry.common.paging.Page;
import dev.ferry.common.problem.ProblemException;
import dev.ferry.job.api.JobView;
import dev.ferry.job.domain.Job;
import dev.ferry.job.domain.JobState;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;

/** Submits jobs and reads them back for the API. Running them is {@link JobRunner}'s business. */
@ApplicationScoped
public class JobService {

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    Event<JobRunner.Submitted> submitted;

    /**
     * Queues a job in the current tenant, in the caller's transaction: the job exists exactly when whatever
     * submitted it was committed.
     *
     * @param input the job's parameters, written as JSON
     * @param attachment bulk input such as an uploaded file, or null
     * @param total the number of items when known up front, or null
     */
    @Transactional
    public Job submit(String tenantId, String kind, Object input, byte[] attachment, Integer total) {
        Job job = new Job();
        job.tenantId = tenantId;
        job.kind = kind;
        job.input = write(input == null ? java.util.Map.of() : input);
        job.progressTotal = total;
        job.createdBy = actor();
        job.createdAt = OffsetDateTime.now();
        job.persist();
        em.flush();
        if (attachment != null) {
            em.createNativeQuery("UPDATE job SET attachment = :a WHERE id = :id")
                    .setParameter("a", attachment)
                    .setParameter("id", job.id)
                    .executeUpdate();
        }
        // Once committed, the runner looks for it at once instead of at its next poll.
        submitted.fire(new JobRunner.Submitted(job.id));
        return job;
    }

    /** One job of the current tenant; another tenant's job answers 404. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public JobView get(long id) {
        Job job = Job.findById(id);
        if (job == null) {
            throw ProblemException.notFound("Job", id);
        }
        return JobView.of(job, json);
    }

    /** The current tenant's jobs, newest first, optionally of one kind or state. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<JobView> list(String kind, JobState state, String cursor, int limit) {
        StringBuilder q = new StringBuilder("from Job j where 1 = 1");
        if (kind != null && !kind.isBlank()) {
            q.append(" and j.kind = :kind");
        }
        if (state != null) {
            q.append(" and j.state = :state");
        }
        if (cursor != null) {
            q.append(" and j.id < :after");
        }
        q.append(" order by j.id desc");
        var query = em.createQuery(q.toString(), Job.class);
        if (kind != null && !kind.isBlank()) {
            query.setParameter("kind", kind);
        }
        if (state != null) {
            query.setParameter("state", state);
        }
        if (cursor != null) {
            query.setParameter("after", Cursor.decodeLong(cursor));
        }
        List<Job> rows = query.setMaxResults(limit + 1).getResultList();
        return Page.of(rows, limit, j -> JobView.of(j, json), j -> Cursor.encode(Long.toString(j.id)));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Job input is not serialisable", e);
        }
    }

    private static String actor() {
        if (!Arc.container().requestContext().isActive()) {
            return "system";
        }
        Caller caller = Arc.container().instance(Caller.class).get();
        return caller.authenticated() ? caller.username() : "system";
    }
}
