//! Choosing or dropping a council's return files (several together): each is read in the
//! page as bytes (the worker finds its encoding and kind) and handed on all at once.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{DragEvent, FileList, HtmlInputElement};
use yew::prelude::*;

use crate::borough::ReturnFile;

#[derive(Properties, PartialEq)]
pub struct FilePickerProps {
    pub on_files: Callback<Vec<ReturnFile>>,
    pub busy: bool,
}

/// Reads every file of `list` and calls `done` once with all of them (in the order given).
fn read_all(
    list: FileList,
    readers: &Rc<RefCell<Vec<gloo::file::callbacks::FileReader>>>,
    done: Callback<Vec<ReturnFile>>,
) {
    let files: Vec<gloo::file::File> = (0..list.length())
        .filter_map(|i| list.get(i))
        .map(gloo::file::File::from)
        .collect();
    if files.is_empty() {
        return;
    }
    let n = files.len();
    let got: Rc<RefCell<Vec<Option<ReturnFile>>>> = Rc::new(RefCell::new(vec![None; n]));
    let mut tasks = vec![];
    for (i, file) in files.into_iter().enumerate() {
        let (got, done) = (got.clone(), done.clone());
        let name = file.name();
        tasks.push(gloo::file::callbacks::read_as_bytes(&file, move |res| {
            // A file that cannot be read is passed on empty: the report says so by name.
            let bytes = res.unwrap_or_default();
            let mut g = got.borrow_mut();
            g[i] = Some(ReturnFile { name, bytes });
            if g.iter().all(Option::is_some) {
                let all = g.drain(..).flatten().collect();
                done.emit(all);
            }
        }));
    }
    *readers.borrow_mut() = tasks;
}

#[function_component]
pub fn FilePicker(props: &FilePickerProps) -> Html {
    let readers = use_mut_ref(Vec::new);
    let over = use_state(|| false);
    let on_change = {
        let (readers, done) = (readers.clone(), props.on_files.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(list) = input.files() {
                read_all(list, &readers, done.clone());
            }
            input.set_value("");
        })
    };
    let on_drop = {
        let (readers, done, over) = (readers.clone(), props.on_files.clone(), over.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            over.set(false);
            // (`dataTransfer.files`, read through Reflect: web-sys' DataTransfer is not enabled.)
            let list = js_sys::Reflect::get(&e, &"dataTransfer".into())
                .and_then(|d| js_sys::Reflect::get(&d, &"files".into()))
                .ok()
                .and_then(|f| f.dyn_into::<FileList>().ok());
            if let Some(list) = list {
                read_all(list, &readers, done.clone());
            }
        })
    };
    let on_over = {
        let over = over.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            over.set(true);
        })
    };
    let on_leave = {
        let over = over.clone();
        Callback::from(move |_: DragEvent| over.set(false))
    };
    html! {
        <div class={classes!("borough-drop", over.then_some("over"))} id="borough-drop"
            ondrop={on_drop} ondragover={on_over} ondragleave={on_leave}>
            <label for="borough-files">{ "Choose your return files, or drop them here (several together: every year\u{2019}s episodes, header and UASC tables, or XML returns)" }</label>
            <input type="file" id="borough-files" multiple=true accept=".csv,.xml,text/csv,text/xml,application/xml"
                disabled={props.busy} onchange={on_change} />
        </div>
    }
}
