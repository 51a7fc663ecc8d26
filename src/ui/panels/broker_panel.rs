//! Broker controls: stop (clean shutdown), crash, restart, slow down, cut a
//! broker off from the other brokers; per-topic unclean election; preferred
//! leader election. Every button sends a [`Command`]; nothing here changes
//! the engine directly.

use yew::prelude::*;

use crate::engine::network::Node;
use crate::engine::{BrokerId, Command, Sim, TopicIdx};
use crate::text::{AppLabel as L, AppLine, Lang, Say};
use crate::ui::state::action::Action;

/// Extra latency a "slow" broker gets, ms.
pub const SLOW_BROKER_MS: u64 = 2_000;

/// A broker's state in words (never by colour alone).
#[must_use]
pub fn broker_state(sim: &Sim, id: BrokerId, lang: Lang) -> String {
    let t = |label: L| label.say(lang);
    let Some(b) = sim.brokers().iter().find(|b| b.id == id) else {
        return String::new();
    };
    let mut s = if b.alive {
        t(L::Running).to_string()
    } else if b.crashed {
        t(L::Crashed).to_string()
    } else {
        t(L::Stopped).to_string()
    };
    if !b.alive && !b.fenced {
        s.push_str(t(L::NotYetAware));
    }
    if b.extra_latency_ms > 0 {
        s.push_str(&format!(" · {} +{} ms", t(L::Slow), b.extra_latency_ms));
    }
    if isolated(sim, id) {
        s.push_str(t(L::CutOffState));
    }
    s
}

fn isolated(sim: &Sim, id: BrokerId) -> bool {
    sim.cut_links()
        .any(|(a, b)| *a == Node::Broker(id) || *b == Node::Broker(id))
}

/// The broker controls as a list, one row per broker.
pub fn broker_panel(sim: &Sim, on_action: &Callback<Action>, lang: Lang) -> Html {
    let t = |label: L| label.say(lang);
    let send = |command: Command| {
        let on_action = on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(Action::Engine(command.clone())))
    };
    html! {
        <section class="panel brokers-panel" aria-labelledby="brokers-h">
            <h2 id="brokers-h">{ t(L::Brokers) }</h2>
            <ul class="broker-controls">
                { for sim.brokers().iter().map(|b| broker_row(sim, b, on_action, lang)) }
            </ul>
            <div class="topic-controls">
                { for sim.topics().iter().map(|topic| {
                    let idx: TopicIdx = topic.idx;
                    let enabled = topic.unclean_leader_election_enable;
                    html! {
                        <label class="check">
                            <input type="checkbox" checked={enabled}
                                onchange={send_toggle(on_action, idx, !enabled)} />
                            { format!(" {} {} {}", t(L::UncleanFor), topic.name, t(L::KafkaDefaultFalse)) }
                        </label>
                    }
                }) }
                <button onclick={send(Command::ElectPreferredLeaders)}
                    title="kafka-leader-election.sh --election-type PREFERRED --all-topic-partitions">
                    { t(L::ElectPreferred) }
                </button>
            </div>
        </section>
    }
}

/// One broker's controls: its state and stop/crash (or restart), slow and
/// cut off buttons (in the brokers panel, and under the picture when the
/// broker is clicked there).
pub fn broker_row(
    sim: &Sim,
    b: &crate::engine::sim::Broker,
    on_action: &Callback<Action>,
    lang: Lang,
) -> Html {
    let t = |label: L| label.say(lang);
    let send = |command: Command| {
        let on_action = on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(Action::Engine(command.clone())))
    };
    let others = |id: BrokerId| -> Vec<BrokerId> {
        sim.brokers()
            .iter()
            .map(|b| b.id)
            .filter(|b| *b != id)
            .collect()
    };
    let id = b.id;
    let cut: Vec<Command> = others(id)
        .into_iter()
        .map(|o| Command::CutLink {
            a: Node::Broker(id),
            b: Node::Broker(o),
        })
        .collect();
    let heal: Vec<Command> = others(id)
        .into_iter()
        .map(|o| Command::HealLink {
            a: Node::Broker(id),
            b: Node::Broker(o),
        })
        .collect();
    let cut_off = isolated(sim, id);
    let links = {
        let on_action = on_action.clone();
        let commands = if cut_off { heal } else { cut };
        Callback::from(move |_: MouseEvent| {
            for c in &commands {
                on_action.emit(Action::Engine(c.clone()));
            }
        })
    };
    html! {
        <li data-testid="broker-controls" data-broker-id={id.0.to_string()}>
            <span class="broker-name">{ format!("{} {}", t(L::Broker), id.0) }</span>
            <span class="broker-state" data-testid="broker-state">{ broker_state(sim, id, lang) }</span>
            <span class="buttons">
                if b.alive {
                    <button data-testid="stop-broker" onclick={send(Command::StopBroker(id))}
                        title={t(L::StopTitle)}>{ t(L::Stop) }</button>
                    <button data-testid="crash-broker" onclick={send(Command::CrashBroker(id))}
                        title={t(L::CrashTitle)}>{ t(L::Crash) }</button>
                } else {
                    <button data-testid="start-broker" onclick={send(Command::StartBroker(id))}>{ t(L::Restart) }</button>
                }
                <button onclick={send(Command::SetBrokerSlow { broker: id, extra_latency_ms: if b.extra_latency_ms > 0 { 0 } else { SLOW_BROKER_MS } })}
                    aria-pressed={(b.extra_latency_ms > 0).to_string()}
                    title={AppLine::SlowTitle { ms: SLOW_BROKER_MS }.say(lang)}>
                    { if b.extra_latency_ms > 0 { t(L::NormalSpeed) } else { t(L::Slow) } }
                </button>
                <button onclick={links} aria-pressed={cut_off.to_string()}
                    title={t(L::CutOffTitle)}>
                    { if cut_off { t(L::HealLinks) } else { t(L::CutOff) } }
                </button>
            </span>
        </li>
    }
}

fn send_toggle(on_action: &Callback<Action>, topic: TopicIdx, enabled: bool) -> Callback<Event> {
    let on_action = on_action.clone();
    Callback::from(move |_: Event| {
        on_action.emit(Action::Engine(Command::SetUncleanLeaderElection {
            topic,
            enabled,
        }))
    })
}
