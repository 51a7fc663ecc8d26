//! Broker controls: stop (clean shutdown), crash, restart, slow down, cut a
//! broker off from the other brokers; per-topic unclean election; preferred
//! leader election. Every button sends a [`Command`]; nothing here changes
//! the engine directly.

use yew::prelude::*;

use super::app::Action;
use super::i18n::{slow_title, Lang, Texts};
use crate::engine::network::Node;
use crate::engine::{BrokerId, Command, Sim, TopicIdx};

/// Extra latency a "slow" broker gets, ms.
pub const SLOW_BROKER_MS: u64 = 2_000;

/// A broker's state in words (never by colour alone).
#[must_use]
pub fn broker_state(sim: &Sim, id: BrokerId, t: &Texts) -> String {
    let Some(b) = sim.brokers().iter().find(|b| b.id == id) else {
        return String::new();
    };
    let mut s = if b.alive {
        t.running.to_string()
    } else if b.crashed {
        t.crashed.to_string()
    } else {
        t.stopped.to_string()
    };
    if !b.alive && !b.fenced {
        s.push_str(t.not_yet_aware);
    }
    if b.extra_latency_ms > 0 {
        s.push_str(&format!(" · {} +{} ms", t.slow, b.extra_latency_ms));
    }
    if isolated(sim, id) {
        s.push_str(t.cut_off_state);
    }
    s
}

fn isolated(sim: &Sim, id: BrokerId) -> bool {
    sim.cut_links()
        .any(|(a, b)| *a == Node::Broker(id) || *b == Node::Broker(id))
}

/// The broker controls as a list, one row per broker.
pub fn broker_panel(sim: &Sim, on_action: &Callback<Action>, lang: Lang) -> Html {
    let t = lang.texts();
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
    html! {
        <section class="panel brokers-panel" aria-labelledby="brokers-h">
            <h2 id="brokers-h">{ t.brokers }</h2>
            <ul class="broker-controls">
                { for sim.brokers().iter().map(|b| {
                    let id = b.id;
                    let cut: Vec<Command> = others(id).into_iter().map(|o| Command::CutLink { a: Node::Broker(id), b: Node::Broker(o) }).collect();
                    let heal: Vec<Command> = others(id).into_iter().map(|o| Command::HealLink { a: Node::Broker(id), b: Node::Broker(o) }).collect();
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
                            <span class="broker-name">{ format!("{} {}", t.broker, id.0) }</span>
                            <span class="broker-state" data-testid="broker-state">{ broker_state(sim, id, t) }</span>
                            <span class="buttons">
                                if b.alive {
                                    <button data-testid="stop-broker" onclick={send(Command::StopBroker(id))}
                                        title={t.stop_title}>{ t.stop }</button>
                                    <button data-testid="crash-broker" onclick={send(Command::CrashBroker(id))}
                                        title={t.crash_title}>{ t.crash }</button>
                                } else {
                                    <button data-testid="start-broker" onclick={send(Command::StartBroker(id))}>{ t.restart }</button>
                                }
                                <button onclick={send(Command::SetBrokerSlow { broker: id, extra_latency_ms: if b.extra_latency_ms > 0 { 0 } else { SLOW_BROKER_MS } })}
                                    aria-pressed={(b.extra_latency_ms > 0).to_string()}
                                    title={slow_title(lang, SLOW_BROKER_MS)}>
                                    { if b.extra_latency_ms > 0 { t.normal_speed } else { t.slow } }
                                </button>
                                <button onclick={links} aria-pressed={cut_off.to_string()}
                                    title={t.cut_off_title}>
                                    { if cut_off { t.heal_links } else { t.cut_off } }
                                </button>
                            </span>
                        </li>
                    }
                }) }
            </ul>
            <div class="topic-controls">
                { for sim.topics().iter().map(|topic| {
                    let texts = t;
                    let idx: TopicIdx = topic.idx;
                    let enabled = topic.unclean_leader_election_enable;
                    html! {
                        <label class="check">
                            <input type="checkbox" checked={enabled}
                                onchange={send_toggle(on_action, idx, !enabled)} />
                            { format!(" {} {} {}", texts.unclean_for, topic.name, texts.kafka_default_false) }
                        </label>
                    }
                }) }
                <button onclick={send(Command::ElectPreferredLeaders)}
                    title="kafka-leader-election.sh --election-type PREFERRED --all-topic-partitions">
                    { t.elect_preferred }
                </button>
            </div>
        </section>
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
