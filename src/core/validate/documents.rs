//! Documents: what a `[document]` table says about its text, and that every document and
//! annotation file is there for a reason.

use super::{At, Problem, ValidationError, Validator, non_empty};
use crate::core::model::*;
use crate::core::raw::RawDocument;
use crate::core::text::fold;

impl Validator<'_> {
    pub(super) fn document_meta(&mut self, at: &At<'_>, meta: &RawDocument, doc: &mut Document) {
        if meta.title.trim().is_empty() {
            self.report(at, Problem::Empty("title"));
        }
        doc.title = meta.title.trim().to_string();
        doc.outlet = non_empty(&meta.outlet);
        doc.page_date = non_empty(&meta.page_date);
        doc.credit = non_empty(&meta.credit);
        doc.date_note = non_empty(&meta.date_note);
        doc.written = self.date(
            at,
            meta.written.as_deref(),
            meta.certainty.as_deref(),
            meta.reason.as_deref(),
        );
        doc.time = crate::core::sources::time_of(doc);
        let folded = fold(&doc.body);
        for (field, value) in [("page_date", &doc.page_date), ("credit", &doc.credit)] {
            if let Some(text) = value
                && folded.find(&fold(text).text).is_none()
            {
                self.report(
                    at,
                    Problem::NotInDocuments {
                        field,
                        text: text.clone(),
                    },
                );
            }
        }
    }

    /// Every document has words and an annotation file with a `[document]` table; every
    /// annotation file annotates a document or holds records. Anything else would ship an empty
    /// link, a heading titled by chance, or a file that silently does nothing.
    pub(super) fn documents_and_files_are_complete(&mut self) {
        let src = self.src;
        for (id, body) in &src.documents {
            let file = format!("{id}.txt");
            let problem = if let Err(why) = crate::core::model::is_document_id(id) {
                Some(Problem::BadDocumentId(why))
            } else if body.trim().is_empty() {
                Some(Problem::EmptyDocument)
            } else if !src
                .files
                .iter()
                .any(|f| f.doc.as_deref() == Some(id.as_str()) && f.document.is_some())
            {
                Some(Problem::DocumentWithoutAnnotations)
            } else {
                None
            };
            if let Some(problem) = problem {
                self.errors.push(ValidationError {
                    file,
                    record: None,
                    problem,
                });
            }
        }
        for f in &src.files {
            let holds = !f.entities.is_empty()
                || !f.facts.is_empty()
                || !f.reports.is_empty()
                || !f.ignores.is_empty();
            if f.doc.is_none() && f.document.is_none() && !holds {
                self.errors.push(ValidationError {
                    file: f.path.clone(),
                    record: None,
                    problem: Problem::EmptyAnnotationFile,
                });
            }
        }
    }
}
