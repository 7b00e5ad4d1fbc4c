package dev.ferry.job.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

/**
 * A persisted job as the API reads it. Claiming, leases and completion are written with SQL by
 * {@link dev.ferry.job.JobRunner}; the attachment column is not mapped so that reading a job never loads an upload.
 */
@Entity
@Table(name = "job")
public class Job extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(nullable = false, updatable = false)
    public String kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public JobState state = JobState.QUEUED;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false)
    public String input = "{}";

    @Column(name = "progress_done", nullable = false)
    public int progressDone;

    @Column(name = "progress_total")
    public Integer progressTotal;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String errors = "[]";

    @Column(name = "error_count", nullable = false)
    public int errorCount;

    @JdbcTypeCode(SqlTypes.JSON)
    public String result;

    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "started_at")
    public OffsetDateTime startedAt;

    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;

    @Column(nullable = false)
    public int attempt;

    @Column(name = "max_attempts", nullable = false)
    public int maxAttempts = 3;
}
