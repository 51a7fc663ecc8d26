//! The lesson player's state, natively, as the page drives it: open a
//! lesson (a link with `lesson=` and `step=`, or one carried in the link),
//! Next plays to the step's moment frame by frame and then draws its focus
//! and tells the host page, Skip goes there at once, Back returns at once,
//! Replay plays the step again, free play and back.

#![cfg(all(feature = "ui", not(target_arch = "wasm32")))]

use std::rc::Rc;

use kafkascope::scenario::inline::encode_inline;
use kafkascope::scenario::lessons::lesson;
use kafkascope::ui::state::action::Action;
use kafkascope::ui::state::app_state::AppState;
use kafkascope::ui::state::embed::{EmbedOptions, HostMessage};
use kafkascope::ui::state::start::initial_state;
use yew::Reducible;

fn frame(state: Rc<AppState>) -> Rc<AppState> {
    state.reduce(Action::Frame {
        dt_ms: 16.0,
        work_steps: 250_000,
    })
}

/// Frames until nothing moves (work done, motion over), at most `max`.
fn settle(mut state: Rc<AppState>, max: usize) -> Rc<AppState> {
    for _ in 0..max {
        let moving = {
            let p = state.player.borrow();
            p.busy().is_some() || p.motion().is_some()
        };
        state = frame(state);
        if !moving {
            return state;
        }
    }
    panic!("still moving after {max} frames");
}

fn position(state: &AppState) -> kafkascope::timeline::Position {
    state.player.borrow().timeline().position()
}

#[test]
fn next_plays_to_the_moment_then_focus_and_step_reached() {
    let options = EmbedOptions::from_query("?lesson=replication&step=1");
    let state = Rc::new(initial_state(options, "", "en", false));
    let state = settle(state, 50);
    let l = state.lesson.clone().expect("a lesson");
    assert_eq!(l.step, 0);
    assert!(l.arrived);
    assert_eq!(state.reached, 1, "the first step was announced");
    assert_eq!(position(&state), l.markers()[0].moment);

    // Next: it plays (not a jump), over several frames, then arrives.
    let state = state.reduce(Action::NextStep);
    let l = state.lesson.clone().unwrap();
    assert_eq!(l.step, 1);
    assert!(l.pace.is_some(), "the step plays");
    assert!(!l.arrived && state.focus.is_empty());
    let state = frame(state);
    assert!(
        state.player.borrow().motion().is_some(),
        "still playing after a frame"
    );
    let state = settle(state, 2_000);
    let l = state.lesson.clone().unwrap();
    assert!(l.arrived);
    assert_eq!(state.reached, 2);
    assert_eq!(position(&state), l.markers()[1].moment);
    let want: Vec<_> = l.markers()[1]
        .focus
        .iter()
        .map(kafkascope::ui::state::lesson::focus_of)
        .collect();
    assert_eq!(state.focus, want);

    // Back returns at once.
    let state = state.reduce(Action::PreviousStep);
    let state = settle(state, 50);
    let l = state.lesson.clone().unwrap();
    assert_eq!((l.step, l.arrived), (0, true));
    assert_eq!(position(&state), l.markers()[0].moment);

    // Next then Skip: at the moment at once.
    let state = state.reduce(Action::NextStep);
    let state = state.reduce(Action::SkipMotion);
    let state = settle(state, 50);
    let l = state.lesson.clone().unwrap();
    assert_eq!((l.step, l.arrived), (1, true));
    assert_eq!(position(&state), l.markers()[1].moment);

    // Replay: back to the start, then it plays again.
    let state = state.reduce(Action::ReplayStep);
    let state = frame(state);
    let l = state.lesson.clone().unwrap();
    assert!(l.pace.is_some() || state.player.borrow().motion().is_some());
    let state = settle(state, 2_000);
    let l = state.lesson.clone().unwrap();
    assert!(l.arrived);
    assert_eq!(position(&state), l.markers()[1].moment);

    // Free play and back: the lesson is rebuilt at its step.
    let state = state.reduce(Action::LeaveLesson(true));
    assert!(state.focus.is_empty());
    let state = state.reduce(Action::LeaveLesson(false));
    let state = settle(state, 50);
    let l = state.lesson.clone().unwrap();
    assert_eq!((l.step, l.arrived), (1, true));
    assert_eq!(position(&state), l.markers()[1].moment);
}

#[test]
fn a_step_link_opens_at_its_moment_without_playing_and_with_its_view() {
    let plan = lesson("replication").unwrap().scenario().unwrap().plan();
    let options = EmbedOptions::from_query("?lesson=replication&step=3&embed=1");
    let state = settle(Rc::new(initial_state(options, "", "en", false)), 50);
    let l = state.lesson.clone().unwrap();
    assert_eq!(l.step, 2);
    assert_eq!(position(&state), plan.markers[2].moment);
    let view = kafkascope::ui::state::lesson::view_of(&plan.markers[2]);
    assert_eq!(state.view, view);
    // goto-step from a host page: at once, counted from 1.
    let goto = HostMessage::parse("goto-step", Some(5.0), None).unwrap();
    assert_eq!(goto, HostMessage::GotoStep(5));
    let state = settle(state.reduce(Action::GotoStep(4)), 50);
    assert_eq!(position(&state), plan.markers[4].moment);
    assert!(HostMessage::parse("goto-step", Some(0.0), None).is_err());
    assert!(HostMessage::parse("goto-step", Some(1.5), None).is_err());
    assert_eq!(
        HostMessage::parse("snapshot", None, None),
        Ok(HostMessage::Snapshot)
    );
    let state = state.reduce(Action::Snapshot);
    assert_eq!(state.snapshots, 1);
    // With reduced motion, Next goes to the moment at once.
    let options = EmbedOptions::from_query("?lesson=replication");
    let state = settle(Rc::new(initial_state(options, "", "en", true)), 50);
    let state = state.reduce(Action::NextStep);
    assert!(state.player.borrow().motion().is_none());
    let state = settle(state, 50);
    assert_eq!(position(&state), plan.markers[1].moment);
}

#[test]
fn a_lesson_carried_in_the_link_opens_and_a_damaged_one_explains() {
    let toml = lesson("basics").unwrap().toml;
    let hash = format!("#lesson={}", encode_inline(toml));
    let options = EmbedOptions::from_query("?step=2");
    let state = settle(Rc::new(initial_state(options, &hash, "en", false)), 50);
    let l = state.lesson.clone().expect("the lesson from the link");
    assert_eq!(l.step, 1);
    assert!(l.arrived);
    let state = initial_state(EmbedOptions::from_query(""), "#lesson=AAAA", "ko", false);
    assert!(state.lesson.is_none());
    let notice = state.notice.clone().expect("a notice");
    let words = kafkascope::text::Say::say(&notice, kafkascope::text::Lang::Ko);
    assert!(
        words.contains("#lesson") && words.contains("손상"),
        "{words}"
    );
    // A file with an error: line and column, in the reader's language frame.
    let bad = encode_inline("version = 1\ntitle.en = \"t\"\n[cluster]\nbrokers = three\n");
    let state = initial_state(
        EmbedOptions::from_query(""),
        &format!("#lesson={bad}"),
        "en",
        false,
    );
    let words =
        kafkascope::text::Say::say(&state.notice.clone().unwrap(), kafkascope::text::Lang::En);
    assert!(
        words.contains("line 4") && words.contains("column"),
        "{words}"
    );
}

/// The snippet generator's part for an open lesson: the embed opens the
/// same lesson at the same step.
#[test]
fn an_embed_of_an_open_lesson_names_it_and_its_step() {
    let state = settle(
        Rc::new(initial_state(
            EmbedOptions::from_query("?lesson=acks&step=2"),
            "",
            "en",
            false,
        )),
        50,
    );
    let l = state.lesson.clone().unwrap();
    assert_eq!(
        l.embed_parts(),
        (vec!["lesson=acks".to_string(), "step=2".to_string()], None)
    );
    let payload = encode_inline(lesson("basics").unwrap().toml);
    let state = initial_state(
        EmbedOptions::from_query(""),
        &format!("#lesson={payload}"),
        "en",
        false,
    );
    let (query, hash) = state.lesson.clone().unwrap().embed_parts();
    assert_eq!(query, ["step=1"]);
    assert_eq!(hash, Some(format!("#lesson={payload}")));
    assert_eq!(
        kafkascope::ui::state::lesson::percent_encode("https://a.example/x y.toml?v=1"),
        "https%3A//a.example/x%20y.toml%3Fv%3D1"
    );
    let o = EmbedOptions::from_query("?src=https%3A%2F%2Fa.example%2Fx%20y.toml%3Fv%3D1");
    assert_eq!(o.src.as_deref(), Some("https://a.example/x y.toml?v=1"));
    assert!(EmbedOptions::from_query("?src=%ZZ").warnings.len() == 1);
}
