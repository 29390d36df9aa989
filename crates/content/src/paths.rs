//! Paths inside the project folder, as templates name them: `/content/x/images/a.jpg`.

use std::path::{Component, Path};

/// The root-relative path (`/content/…`) of a real path, or why it cannot have one. Symlinks
/// and `..` are resolved where the file exists; a path that would leave the root is refused.
pub fn virtual_path(root: &Path, path: &Path) -> Result<String, String> {
    let root = root
        .canonicalize()
        .map_err(|err| crate::t!("root-unreadable", root = root.display(), error = err))?;
    let absolute = match path.canonicalize() {
        Ok(real) => real,
        Err(_) => std::path::absolute(path).map_err(|err| err.to_string())?,
    };
    let escapes = || crate::t!("outside-root", path = path.display(), root = root.display());
    let inside = absolute.strip_prefix(&root).map_err(|_| escapes())?;
    let mut vpath = String::new();
    for component in inside.components() {
        match component {
            Component::Normal(name) => {
                vpath.push('/');
                let name = name.to_str().ok_or_else(|| crate::t!("path-not-unicode"))?;
                vpath.push_str(name);
            }
            _ => return Err(escapes()),
        }
    }
    Ok(vpath)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_inside_the_root_only() {
        let dir = crate::scratch::TempDir::new().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("content/p")).unwrap();
        std::fs::write(root.join("content/p/a.jpg"), b"x").unwrap();
        assert_eq!(
            virtual_path(root, &root.join("content/p/a.jpg")).unwrap(),
            "/content/p/a.jpg"
        );
        assert_eq!(
            virtual_path(root, &root.join("content/p/new.jpg")).unwrap(),
            "/content/p/new.jpg"
        );
        assert!(virtual_path(root, &root.join("content/../../x.jpg")).is_err());
        assert!(virtual_path(root, &root.join("content/../../../etc/passwd")).is_err());
    }
}
