-- What freeze-wallet actually froze for a MONETARY measure, beside what the statement named
-- (amount_minor, legal_hold_minor). The ledger (funds module) is the source of truth; these columns
-- keep the freeze step's result with the statement so that the suspension notice and the case view
-- state the frozen amount, and a shortfall, not the requested one (issue 8). NULL until the freeze
-- step ran; 0 when the wallet held nothing of that currency.
ALTER TABLE redress.suspension_measure
    ADD COLUMN frozen_minor        bigint CHECK (frozen_minor IS NULL OR frozen_minor >= 0),
    ADD COLUMN legally_held_minor  bigint CHECK (legally_held_minor IS NULL OR legally_held_minor >= 0),
    ADD COLUMN frozen_at           timestamptz,
    ADD CHECK (frozen_minor IS NULL OR (amount_minor IS NOT NULL AND frozen_minor <= amount_minor)),
    ADD CHECK (legally_held_minor IS NULL OR (frozen_minor IS NOT NULL AND legally_held_minor <= frozen_minor)),
    ADD CHECK ((frozen_minor IS NULL) = (frozen_at IS NULL));
