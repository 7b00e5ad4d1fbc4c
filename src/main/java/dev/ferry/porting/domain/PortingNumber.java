package dev.ferry.porting.domain;

import dev.ferry.number.domain.NumberState;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

/** One number of a porting request, pointing at the inventory, with its own status. */
@Entity
@Table(name = "porting_request_number")
public class PortingNumber extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(name = "request_id", nullable = false, updatable = false)
    public Long requestId;

    @Column(name = "number_id", nullable = false, updatable = false)
    public Long numberId;

    @Column(nullable = false, updatable = false)
    public String e164;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PortingNumberStatus status = PortingNumberStatus.INCLUDED;

    public String reason;

    /** The inventory state before the request took the number; restored when it leaves unported. */
    @Enumerated(EnumType.STRING)
    @Column(name = "prior_state")
    public NumberState priorState;
}
