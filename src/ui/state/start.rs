//! The state the page opens on: a share link (`#s=…`) when there is one
//! (opened as work with progress, on top of the default scene), else
//! `?scenario=NAME`, else the default scenario; a lesson when `?lesson=`
//! asks for one or the link carries one (`#lesson=…`; `?src=` is fetched
//! by `ui::hooks::lesson_source`). What was wrong with the address is said in one notice.

use crate::engine::scenarios::default_scenario;
use crate::player::{Outcome, Player};
use crate::share::{builtin, SharedState};
use crate::text::{Lang, Notice, Problem};

use super::app_state::AppState;
use super::embed::EmbedOptions;
use super::focus::SceneView;
use super::lesson::{open_lesson, open_scenario, view_of, LessonSource, LessonView};
use crate::job::Job;
use crate::scenario::inline::decode_inline;
use crate::scenario::{Scenario, Syntax};
use crate::text::notice::LessonSourceError;

/// A lesson carried in the link (`#lesson=…`), opened at `step`.
fn inline_lesson(payload: &str, step: usize) -> Result<(Job, LessonView), Problem> {
    let refused = |why| Problem::LessonSource {
        from: "#lesson".to_string(),
        why,
    };
    let text = decode_inline(payload).map_err(|e| refused(LessonSourceError::Link(e)))?;
    let scenario = Scenario::parse(&text, Syntax::guess(None, &text))
        .map_err(|e| refused(LessonSourceError::Scenario(e.to_string())))?;
    open_scenario(
        &scenario,
        LessonSource::Link(payload.trim().to_string()),
        step,
    )
}

fn player_for(config: crate::engine::ClusterConfig) -> Player {
    Player::new(config).expect("built-in scenarios are valid")
}

/// The player the page opens on, and what was wrong with the address.
fn initial_player(options: &EmbedOptions, hash: &str) -> (Player, Vec<Problem>) {
    let mut problems: Vec<Problem> = options
        .warnings
        .iter()
        .cloned()
        .map(Problem::Embed)
        .collect();
    if let Some(payload) = hash.strip_prefix("#s=") {
        match SharedState::decode(payload).and_then(|s| s.job()) {
            Ok(job) => {
                let mut player = player_for(default_scenario());
                if let Some(Outcome::Refused(r)) = player.start(job) {
                    problems.push(Problem::Work(r));
                }
                return (player, problems);
            }
            Err(e) => problems.push(Problem::Link(e)),
        }
    }
    let config = match options.scenario.as_deref() {
        None => default_scenario(),
        Some(name) => builtin(name).unwrap_or_else(|| {
            problems.push(Problem::NoScenario(name.to_string()));
            default_scenario()
        }),
    };
    (player_for(config), problems)
}

/// The state the page opens on. `hash` is the address's `#…`, `browser_lang`
/// the browser's language tag (used when the address names none).
#[must_use]
pub fn initial_state(
    options: EmbedOptions,
    hash: &str,
    browser_lang: &str,
    reduced_motion: bool,
) -> AppState {
    let (mut player, mut problems) = initial_player(&options, hash);
    if options.autoplay {
        player.set_playing(true);
    }
    let lang = options.lang.unwrap_or_else(|| Lang::from_tag(browser_lang));
    let lesson = options.lesson.clone();
    let step = options.step.unwrap_or(1).saturating_sub(1);
    let mut state = AppState::new(player, options, lang, reduced_motion);
    let opened = match (hash.strip_prefix("#lesson="), lesson) {
        (Some(payload), _) => Some(inline_lesson(payload, step)),
        (None, Some(id)) => Some(open_lesson(&id, step)),
        (None, None) => None,
    };
    if let Some(opened) = opened {
        match opened {
            Ok((job, view)) => match state.player.borrow_mut().start(job) {
                Some(Outcome::Refused(r)) => problems.push(Problem::Work(r)),
                _ => {
                    state.view = view.marker().map_or(SceneView::Topic, view_of);
                    state.lesson = Some(view);
                }
            },
            Err(problem) => problems.push(problem),
        }
    }
    state.notice = match problems.len() {
        0 => None,
        1 => problems.pop().map(Notice::Refused),
        _ => Some(Notice::Refused(Problem::Several(problems))),
    };
    state
}
