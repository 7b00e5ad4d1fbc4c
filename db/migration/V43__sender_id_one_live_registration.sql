-- One live (DRAFT, SUBMITTED, APPROVED) registration per sender, country and subaccount. The service checks this
-- before it writes; the index keeps it true when two requests check at the same time.
CREATE UNIQUE INDEX sender_id_registration_live_uidx
    ON sender_id_registration (tenant_id, sender_id, country, coalesce(subaccount, ''))
    WHERE state IN ('DRAFT', 'SUBMITTED', 'APPROVED');
