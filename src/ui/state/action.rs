//! What can happen to the app: every user input, host message and effect
//! report is an [`Action`], handled in one place
//! ([`AppState::reduce`](super::app_state::AppState)).

use crate::engine::{ClusterConfig, Command};
use crate::text::{Lang, Problem};

use super::focus::{Focus, SceneView};
use super::lesson::LessonSource;
use super::selection::Selection;
use crate::scenario::Scenario;

/// What the user (or the host page, or a timer) asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Play or pause.
    TogglePlay,
    /// Play (`true`) or pause.
    SetPlaying(bool),
    /// Run to the next event and pause.
    Step,
    /// Undo the latest event and pause.
    StepBack,
    /// Go to a simulated time (`u64::MAX`: the end of the history).
    Seek(u64),
    /// Set the speed.
    Speed(f64),
    /// Send a command to the engine (refusals are shown on the page).
    Engine(Command),
    /// Select something to inspect (or close the inspector).
    Select(Option<Selection>),
    /// Filter the event log.
    Filter(String),
    /// Switch the language.
    SetLang(Lang),
    /// Open a built-in lesson in the lesson player.
    OpenLesson(String),
    /// Go to a lesson step's moment at once (index from 0).
    GotoStep(usize),
    /// Play the next lesson step to its moment.
    NextStep,
    /// Go back to the previous lesson step's moment at once.
    PreviousStep,
    /// Play the lesson step shown again, from the previous step's moment.
    ReplayStep,
    /// Skip the rest of the step playing: go to its moment at once.
    SkipMotion,
    /// Open a lesson read from a file or a link (at a step, from 0), or
    /// say why it cannot be.
    OpenScenario(Result<(Box<Scenario>, LessonSource, usize), Problem>),
    /// The host page asks for a snapshot (answered after the next draw).
    Snapshot,
    /// Leave the lesson for free play (`true`) or return to it (`false`).
    LeaveLesson(bool),
    /// Start over with another cluster (a built-in scene), paused at 0.
    Load(Box<ClusterConfig>),
    /// Show a refusal found before reaching the engine (input that does
    /// not parse, a host message that is not valid).
    Refuse(Problem),
    /// Stop the long work under way (a link, a lesson, a far seek).
    Cancel,
    /// Make a share link of this moment.
    MakeLink,
    /// An animation frame: `dt_ms` of real time passed; long work runs a
    /// slice of at most `work_steps` engine steps.
    Frame {
        /// Real time since the last frame, ms.
        dt_ms: f64,
        /// Engine steps a slice of long work may run.
        work_steps: u64,
    },
    /// The picture's box has this width, px.
    Width(f64),
    /// Show the picture as this view (topic lanes or broker boxes).
    SetView(SceneView),
    /// Highlight these entities (a lesson step's focus; empty: none).
    SetFocus(Vec<Focus>),
    /// The height the picture may take, px (what the screen leaves it).
    Height(f64),
    /// Show or hide the legend.
    ToggleLegend,
    /// Show a panel's tab below the picture.
    Tab(PanelTab),
}

/// The panels below the picture, one shown at a time.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PanelTab {
    /// The producer's settings.
    #[default]
    Producer,
    /// Consumer groups.
    Groups,
    /// Brokers and metadata.
    Brokers,
    /// Retention.
    Retention,
    /// Partitioner comparison.
    Partitioner,
    /// The event log.
    Log,
    /// Share and embed.
    Share,
}

impl PanelTab {
    /// Every tab, in order.
    pub const ALL: [PanelTab; 7] = [
        PanelTab::Producer,
        PanelTab::Groups,
        PanelTab::Brokers,
        PanelTab::Retention,
        PanelTab::Partitioner,
        PanelTab::Log,
        PanelTab::Share,
    ];
}

impl Action {
    /// Whether the action moves the position in time or changes the
    /// cluster at once (the caption then tells the latest event).
    #[must_use]
    pub fn moves_time(&self) -> bool {
        matches!(
            self,
            Action::Step
                | Action::StepBack
                | Action::Seek(_)
                | Action::GotoStep(_)
                | Action::Engine(_)
                | Action::Load(_)
        )
    }

    /// Whether the action touches the engine, so it waits while long work
    /// runs (a cancel, a seek and what does not touch the engine are taken).
    #[must_use]
    pub fn waits_for_work(&self) -> bool {
        matches!(
            self,
            Action::TogglePlay
                | Action::SetPlaying(true)
                | Action::Step
                | Action::StepBack
                | Action::Engine(_)
                | Action::Load(_)
        )
    }
}
