//! The animation frame loop (an effect): while the player plays (or a
//! lesson step plays toward its moment) or long work runs, every frame reports to the reducer ([`Action::Frame`]) the
//! real time passed and how many engine steps a slice of work may run,
//! sized so a slice takes about [`WORK_FRAME_MS`].

use std::cell::RefCell;
use std::rc::Rc;

use gloo_render::{request_animation_frame, AnimationFrame};
use yew::prelude::*;

use crate::player::{Player, FIRST_SLICE_STEPS};
use crate::ui::browser::failure::failed;
use crate::ui::browser::page::performance_now;
use crate::ui::state::action::Action;
use crate::ui::state::app_state::AppState;

/// Real time a frame's slice of long work aims at, ms.
pub const WORK_FRAME_MS: f64 = 10.0;

struct FrameLoop {
    player: Rc<RefCell<Player>>,
    dispatch: UseReducerDispatcher<AppState>,
    last: Option<f64>,
    /// Engine steps per slice of work, adapted to take about [`WORK_FRAME_MS`].
    slice: u64,
}

impl FrameLoop {
    /// One frame; `false` when the loop must stop (the app failed).
    fn on_frame(&mut self, t: f64) -> bool {
        if failed() {
            return false;
        }
        let dt_ms = self.last.map_or(0.0, |l| t - l);
        self.last = Some(t);
        let working = self.player.borrow().busy().is_some();
        let start = performance_now();
        self.dispatch.dispatch(Action::Frame {
            dt_ms,
            work_steps: self.slice,
        });
        if working {
            let took = (performance_now() - start).max(0.25);
            let factor = (WORK_FRAME_MS / took).clamp(0.5, 2.0);
            self.slice = ((self.slice as f64 * factor) as u64).clamp(1_000, 400_000);
        }
        true
    }
}

fn schedule(handle: Rc<RefCell<Option<AnimationFrame>>>, mut state: FrameLoop) {
    let next = handle.clone();
    *handle.borrow_mut() = Some(request_animation_frame(move |t| {
        if state.on_frame(t) {
            schedule(next, state);
        }
    }));
}

/// Runs the frame loop while `state`'s player plays or works.
#[hook]
pub fn use_frame_loop(state: &UseReducerHandle<AppState>) {
    let (playing, busy) = {
        let p = state.player.borrow();
        // A lesson step playing toward its moment runs frames too.
        (p.playing() || p.motion().is_some(), p.busy().is_some())
    };
    let player = state.player.clone();
    let dispatch = state.dispatcher();
    use_effect_with((playing, busy), move |(playing, busy)| {
        let handle: Rc<RefCell<Option<AnimationFrame>>> = Rc::new(RefCell::new(None));
        if *playing || *busy {
            schedule(
                handle.clone(),
                FrameLoop {
                    player,
                    dispatch,
                    last: None,
                    slice: FIRST_SLICE_STEPS,
                },
            );
        }
        move || {
            handle.borrow_mut().take();
        }
    });
}
