//! The lesson open in the lesson player, and opening a built-in lesson at a
//! step: the work that builds its history and goes to the moment the step's
//! expectations hold.

use std::rc::Rc;

use crate::job::{Job, Purpose};
use crate::player::LOG_LINES;
use crate::scenario::lessons::{lesson, LESSONS};
use crate::scenario::StepMarker;
use crate::text::{Lang, Problem};
use crate::timeline::Goal;

/// The lesson open in the player.
#[derive(Clone, Debug, PartialEq)]
pub struct LessonView {
    /// The lesson's id (`acks`).
    pub id: String,
    /// Its title in English, and in Korean if it has one.
    pub title: (String, Option<String>),
    /// Its steps.
    pub markers: Rc<Vec<StepMarker>>,
    /// The step shown (index into `markers`).
    pub step: usize,
    /// Showing the lesson (false: free play, with a way back).
    pub active: bool,
}

impl LessonView {
    /// Its title in `lang` (English when it has no Korean one).
    #[must_use]
    pub fn title(&self, lang: Lang) -> &str {
        pick(lang, &self.title.0, self.title.1.as_deref())
    }
}

/// A text of a lesson file in `lang`: its Korean when it has one.
#[must_use]
pub fn pick<'a>(lang: Lang, en: &'a str, ko: Option<&'a str>) -> &'a str {
    match (lang, ko) {
        (Lang::Ko, Some(ko)) => ko,
        _ => en,
    }
}

/// A built-in lesson's id and title (English, and Korean if any).
pub type LessonTitle = (&'static str, String, Option<String>);

/// Titles of every built-in lesson.
#[must_use]
pub fn lesson_titles() -> Vec<LessonTitle> {
    LESSONS
        .iter()
        .filter_map(|l| {
            let s = l.scenario().ok()?;
            let t = &s.file().title;
            Some((l.id, t.en.clone(), t.ko.clone()))
        })
        .collect()
}

/// Opens a built-in lesson at a step (index from 0): the work that builds
/// its history on a timeline (the scenario's commands at their times) and
/// goes to the moment the step's expectations hold, and its view.
pub fn open_lesson(id: &str, step: usize) -> Result<(Job, LessonView), Problem> {
    let found = lesson(id).ok_or_else(|| Problem::NoLesson(id.to_string()))?;
    let scenario = found.scenario().map_err(|e| Problem::LessonFile {
        id: id.to_string(),
        detail: e.to_string(),
    })?;
    let plan = scenario.plan();
    let step = step.min(plan.markers.len().saturating_sub(1));
    let goal = plan.markers.get(step).map_or(plan.end_ms, |m| m.end_ms);
    let job = Job::build(
        Purpose::Lesson,
        plan.config.clone(),
        plan.commands.clone(),
        plan.end_ms,
        Goal::Time(goal),
        false,
        LOG_LINES,
    )
    .map_err(Problem::Work)?;
    let title = &scenario.file().title;
    Ok((
        job,
        LessonView {
            id: id.to_string(),
            title: (title.en.clone(), title.ko.clone()),
            markers: Rc::new(plan.markers),
            step,
            active: true,
        },
    ))
}
