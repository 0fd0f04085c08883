-- One draft.
SELECT id AS Id, case_id AS CaseId, author AS Author, saved_at AS SavedAt, kind AS Kind, form_json AS FormJson FROM drafts WHERE id = @id;
