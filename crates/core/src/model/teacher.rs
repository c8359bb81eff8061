//! The teacher's word vectors (`data/model/teacher.bin`), read only by the trainer: what the sentence
//! encoder knows about each word, distilled and reduced by `tools/teacher/embed_words.py` (its doc
//! gives the format). Nothing here ships in the extension's analysis path: the trainer folds the
//! vectors into one score per word.

/// Word vectors, sorted by word.
#[derive(Debug, Clone)]
pub struct Teacher {
    words: Vec<String>,
    dims: usize,
    vectors: Vec<f32>,
}

impl Teacher {
    /// Reads a teacher file.
    pub fn parse(bytes: &[u8]) -> Result<Teacher, String> {
        let mut at = 0usize;
        let mut take = |n: usize| -> Result<&[u8], String> {
            let end = at.checked_add(n).filter(|&e| e <= bytes.len()).ok_or("teacher file is truncated")?;
            let s = &bytes[at..end];
            at = end;
            Ok(s)
        };
        if take(8)? != b"PGTEACH1" {
            return Err("not a teacher vectors file".into());
        }
        let u32_at = |b: &[u8]| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize;
        let n = u32_at(take(4)?);
        let dims = u32_at(take(4)?);
        let mut scale = Vec::with_capacity(dims);
        for _ in 0..dims {
            let b = take(4)?;
            scale.push(f32::from_le_bytes([b[0], b[1], b[2], b[3]]));
        }
        let mut words = Vec::with_capacity(n);
        for _ in 0..n {
            let len = usize::from(take(1)?[0]);
            let w = std::str::from_utf8(take(len)?).map_err(|_| "teacher word is not UTF-8")?;
            words.push(w.to_string());
        }
        if words.windows(2).any(|w| w[0].as_bytes() >= w[1].as_bytes()) {
            return Err("teacher words are not sorted".into());
        }
        let raw = take(n * dims)?;
        let vectors = raw.iter().enumerate().map(|(i, &q)| f32::from(q as i8) * scale[i % dims]).collect();
        if at != bytes.len() {
            return Err("teacher file has trailing bytes".into());
        }
        Ok(Teacher { words, dims, vectors })
    }

    /// Dimensions of each vector.
    pub fn dims(&self) -> usize {
        self.dims
    }

    /// The vector of `word`, if the teacher has one.
    pub fn vector(&self, word: &str) -> Option<&[f32]> {
        let i = self.words.binary_search_by(|w| w.as_bytes().cmp(word.as_bytes())).ok()?;
        Some(&self.vectors[i * self.dims..(i + 1) * self.dims])
    }

    /// Every word with its vector, in byte order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &[f32])> {
        self.words.iter().zip(self.vectors.chunks(self.dims.max(1))).map(|(w, v)| (w.as_str(), v))
    }
}
