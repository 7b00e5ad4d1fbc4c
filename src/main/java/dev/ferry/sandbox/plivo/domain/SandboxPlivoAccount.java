package dev.ferry.sandbox.plivo.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A main account (MA...) or subaccount (SA...) of the Plivo sandbox. Plivo's state, not Ferry's: no tenant. */
@Entity
@Table(name = "sandbox_plivo_account")
public class SandboxPlivoAccount extends PanacheEntityBase {

    @Id
    @Column(name = "auth_id")
    public String authId;

    @Column(name = "auth_token", nullable = false)
    public String authToken;

    /** The main account of a subaccount; null for a main account. */
    @Column(name = "parent_id")
    public String parentId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public boolean enabled = true;

    @Column(name = "created_on", nullable = false)
    public LocalDate createdOn = LocalDate.now();

    @Column(name = "modified_on")
    public LocalDate modifiedOn;

    public boolean isMain() {
        return parentId == null;
    }

    /** The main account this account bills to: itself, or its parent. */
    public String mainId() {
        return parentId == null ? authId : parentId;
    }

    @Override
    public String toString() {
        return "SandboxPlivoAccount[" + authId + "]";
    }
}
