//! Share and embed: a link to exactly this moment (the whole history in the
//! URL), and an iframe snippet built from chosen options, both copyable.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::embed::{Control, Theme};
use super::i18n::Lang;

/// Properties of [`SharePanel`].
#[derive(Properties, PartialEq)]
pub struct SharePanelProps {
    /// The page's address without query or hash (`https://host/path/`).
    pub base_url: String,
    /// The share payload (after `#s=`), once made.
    pub payload: Option<String>,
    /// Makes the payload from the current state.
    pub on_make: Callback<()>,
    /// UI language.
    pub lang: Lang,
}

fn copy(text: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.navigator().clipboard().write_text(text);
    }
}

/// The share link and the embed snippet generator.
#[component]
pub fn SharePanel(props: &SharePanelProps) -> Html {
    let ko = props.lang == Lang::Ko;
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
    let src = format!(
        "{}?{}{}",
        props.base_url,
        query.join("&"),
        props
            .payload
            .as_ref()
            .map_or(String::new(), |p| format!("#s={p}"))
    );
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
            <h2 id="share-h">{ if ko { "공유와 삽입" } else { "Share and embed" } }</h2>
            <p class="hint">{ if ko {
                "링크에는 클러스터 설정, 지금까지 내린 모든 명령과 현재 시각이 압축되어 들어갑니다. 링크를 연 사람은 똑같은 장면을 봅니다."
            } else {
                "The link holds the cluster's setup, every command given so far and the current time, compressed: whoever opens it sees exactly this picture."
            } }</p>
            <button data-testid="make-link" onclick={make}>
                { if ko { "지금 이 순간의 링크 만들기" } else { "Make a link to this moment" } }
            </button>
            if let Some(link) = link.clone() {
                <div class="copy-row">
                    <input type="text" readonly=true value={link} data-testid="share-link"
                        aria-label={if ko { "공유 링크" } else { "Share link" }} />
                    <button onclick={copy_link}>{ if ko { "복사" } else { "Copy" } }</button>
                </div>
            }
            <h3>{ if ko { "블로그에 삽입 (iframe)" } else { "Embed in a post (iframe)" } }</h3>
            <fieldset class="embed-options">
                <legend>{ if ko { "보여 줄 조작" } else { "Controls shown" } }</legend>
                { for Control::ALL.iter().map(|c| html! {
                    <label class="check">
                        <input type="checkbox" checked={controls.contains(c)} onchange={toggle_control(*c)} />
                        { format!(" {}", c.name()) }
                    </label>
                }) }
            </fieldset>
            <div class="embed-row">
                <label class="check"><input type="checkbox" checked={*autoplay} onchange={on_autoplay} />
                    { if ko { " 자동 재생" } else { " autoplay" } }</label>
                <label class="check"><input type="checkbox" checked={*panels} onchange={on_panels} />
                    { if ko { " 패널 보이기" } else { " show panels" } }</label>
                <label>{ if ko { "테마 " } else { "theme " } }
                    <select onchange={on_theme}>
                        <option value="auto" selected={*theme == Theme::Auto}>{ "auto" }</option>
                        <option value="light" selected={*theme == Theme::Light}>{ "light" }</option>
                        <option value="dark" selected={*theme == Theme::Dark}>{ "dark" }</option>
                    </select>
                </label>
                <label>{ if ko { "높이 " } else { "height " } }
                    <input type="number" min="200" max="4000" step="20" value={height.to_string()} oninput={on_height} />
                </label>
            </div>
            <div class="copy-row">
                <textarea readonly=true rows="3" data-testid="embed-snippet" value={snippet}
                    aria-label={if ko { "삽입 코드" } else { "Embed code" }} />
                <button onclick={copy_snippet} data-testid="copy-snippet">{ if ko { "복사" } else { "Copy" } }</button>
            </div>
            <p class="hint">{ if ko {
                "호스트 페이지는 postMessage로 재생, 일시정지, 한 단계, 이동을 보낼 수 있습니다 (docs/embedding.md)."
            } else {
                "The host page can send play, pause, step and seek with postMessage (docs/embedding.md)."
            } }</p>
        </section>
    }
}
