fn main() {
    let path = std::env::args().nth(1).unwrap();
    let src = std::fs::read_to_string(&path).unwrap();
    let doc = factlint::document::Document::new(path, src);
    for (i, p) in doc.segments.paragraphs.iter().enumerate() {
        println!("[{i}] {}", &doc.text[p.clone()]);
    }
}
