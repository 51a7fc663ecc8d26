//! Share and embed: a link to exactly this moment (the whole history in the
//! URL), and an iframe snippet built from chosen options, both copyable.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::text::{Lang, PageLabel as L};
use crate::ui::browser::page::copy;
use crate::ui::state::embed::{Control, Theme};

/// Properties of [`SharePanel`].
#[derive(Properties, PartialEq)]
pub struct SharePanelProps {
    /// The page's address without query or hash (`https://host/path/`).
    pub base_url: String,
    /// The share payload (after `#s=`), once made.
    pub payload: Option<String>,
    /// Makes the payload from the current state.
    pub on_make: Callback<()>,
    /// The open lesson's part of an embed's address (query options, and a
    /// hash for a lesson carried in the link), if a lesson is shown: the
    /// snippet then opens the lesson at its step.
    #[prop_or_default]
    pub lesson: Option<(Vec<String>, Option<String>)>,
    /// UI language.
    pub lang: Lang,
}

/// The share link and the embed snippet generator.
#[component]
pub fn SharePanel(props: &SharePanelProps) -> Html {
    let t = |label: L| label.say(props.lang);
    let controls = use_state(|| Control::ALL.to_vec());
    let autoplay = use_state(|| false);
    let theme = use_state(|| Theme::Auto);
    let height = use_state(|| 560u32);
    let panels = use_state(|| false);
    let link = props
        .payload
        .as_ref()
        .map(|p| format!("{}#s={p}", props.base_url));
    let mut query = vec!["embed=1".to_string()];
    if controls.len() != Control::ALL.len() {
        let names: Vec<&str> = controls.iter().map(|c| c.name()).collect();
        query.push(format!("controls={}", names.join(",")));
    }
    if *autoplay {
        query.push("autoplay=1".into());
    }
    if *theme != Theme::Auto {
        query.push(format!("theme={}", theme.name()));
    }
    if *panels {
        query.push("panels=1".into());
    }
    query.push(format!("lang={}", props.lang.tag()));
    query.push(format!("height={}", *height));
    let hash = match &props.lesson {
        Some((options, hash)) => {
            query.extend(options.iter().cloned());
            hash.clone().unwrap_or_default()
        }
        None => props
            .payload
            .as_ref()
            .map_or(String::new(), |p| format!("#s={p}")),
    };
    let src = format!("{}?{}{}", props.base_url, query.join("&"), hash);
    let snippet = format!(
        "<iframe src=\"{src}\" width=\"100%\" height=\"{}\" style=\"border:0;max-width:100%\" loading=\"lazy\" title=\"kafkascope\"></iframe>",
        *height
    );
    let make = props.on_make.reform(|_: MouseEvent| ());
    let copy_link = {
        let link = link.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(l) = &link {
                copy(l);
            }
        })
    };
    let copy_snippet = {
        let snippet = snippet.clone();
        Callback::from(move |_: MouseEvent| copy(&snippet))
    };
    let toggle_control = |c: Control| {
        let controls = controls.clone();
        Callback::from(move |_: Event| {
            let mut list: Vec<Control> = (*controls).clone();
            if list.contains(&c) {
                list.retain(|x| *x != c);
            } else {
                list.push(c);
                list.sort_by_key(|x| Control::ALL.iter().position(|y| y == x));
            }
            controls.set(list);
        })
    };
    let on_autoplay = {
        let autoplay = autoplay.clone();
        Callback::from(move |_: Event| autoplay.set(!*autoplay))
    };
    let on_panels = {
        let panels = panels.clone();
        Callback::from(move |_: Event| panels.set(!*panels))
    };
    let on_theme = {
        let theme = theme.clone();
        Callback::from(move |e: Event| {
            let v = e
                .target_dyn_into::<web_sys::HtmlSelectElement>()
                .map(|s| s.value())
                .unwrap_or_default();
            theme.set(match v.as_str() {
                "light" => Theme::Light,
                "dark" => Theme::Dark,
                _ => Theme::Auto,
            });
        })
    };
    let on_height = {
        let height = height.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(v) = e
                .target_dyn_into::<HtmlInputElement>()
                .and_then(|i| i.value().parse::<u32>().ok())
            {
                height.set(v.clamp(200, 4000));
            }
        })
    };
    html! {
        <section class="panel share-panel" aria-labelledby="share-h" data-testid="share-panel">
            <h2 id="share-h">{ t(L::ShareAndEmbed) }</h2>
            <p class="hint">{ t(L::LinkHint) }</p>
            <button data-testid="make-link" onclick={make}>
                { t(L::MakeLink) }
            </button>
            if let Some(link) = link.clone() {
                <div class="copy-row">
                    <input type="text" readonly=true value={link} data-testid="share-link"
                        aria-label={t(L::ShareLink)} />
                    <button onclick={copy_link}>{ t(L::Copy) }</button>
                </div>
            }
            <h3>{ t(L::EmbedHeading) }</h3>
            <fieldset class="embed-options">
                <legend>{ t(L::ControlsShown) }</legend>
                { for Control::ALL.iter().map(|c| html! {
                    <label class="check">
                        <input type="checkbox" checked={controls.contains(c)} onchange={toggle_control(*c)} />
                        { format!(" {}", c.name()) }
                    </label>
                }) }
            </fieldset>
            <div class="embed-row">
                <label class="check"><input type="checkbox" checked={*autoplay} onchange={on_autoplay} />
                    { t(L::Autoplay) }</label>
                <label class="check"><input type="checkbox" checked={*panels} onchange={on_panels} />
                    { t(L::ShowPanels) }</label>
                <label>{ t(L::Theme) }
                    <select onchange={on_theme}>
                        <option value="auto" selected={*theme == Theme::Auto}>{ t(L::ThemeAuto) }</option>
                        <option value="light" selected={*theme == Theme::Light}>{ t(L::ThemeLight) }</option>
                        <option value="dark" selected={*theme == Theme::Dark}>{ t(L::ThemeDark) }</option>
                    </select>
                </label>
                <label>{ t(L::Height) }
                    <input type="number" min="200" max="4000" step="20" value={height.to_string()} oninput={on_height} />
                </label>
            </div>
            <div class="copy-row">
                <textarea readonly=true rows="3" data-testid="embed-snippet" value={snippet}
                    aria-label={t(L::EmbedCode)} />
                <button onclick={copy_snippet} data-testid="copy-snippet">{ t(L::Copy) }</button>
            </div>
            <p class="hint">{ t(L::HostHint) }</p>
        </section>
    }
}
