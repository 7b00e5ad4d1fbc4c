package dev.ferry.sandbox.plivo.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A number rented by a sandbox account (digits without +). Unrenting deletes the row: it is for sale again. */
@Entity
@Table(name = "sandbox_plivo_number")
public class SandboxPlivoNumber extends PanacheEntityBase {

    @Id
    public String number;

    @Column(name = "main_id", nullable = false)
    public String mainId;

    @Column(name = "sub_account")
    public String subAccount;

    @Column(name = "app_id")
    public String appId;

    public String alias;

    /** Plivo's vocabulary: local, mobile, tollfree, fixed, national. */
    @Column(name = "number_type", nullable = false)
    public String numberType;

    @Column(name = "country_iso", nullable = false)
    public String countryIso;

    @Column(name = "cnam_lookup")
    public String cnamLookup;

    @Column(name = "added_on", nullable = false)
    public LocalDate addedOn = LocalDate.now();

    public String ownerId() {
        return subAccount != null ? subAccount : mainId;
    }
}
