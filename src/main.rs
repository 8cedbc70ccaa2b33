//! Entry point: in the browser it starts the app; on the host it is a small command-line window
//! onto the same core, handy for checking the embedded dataset without a browser.

#[cfg(target_arch = "wasm32")]
fn main() {
    sco_explorer::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let data = sco_explorer::data::dataset();
    println!("{} documents embedded", data.documents.len());
    for doc in &data.documents {
        println!("- {} ({}): {}", doc.id, doc.body.len(), doc.title);
    }
}
