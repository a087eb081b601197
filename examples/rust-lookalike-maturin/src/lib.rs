use pyo3::prelude::*;

#[pyfunction]
fn total(values: Vec<i64>) -> i64 {
    values.iter().sum()
}

#[pymodule]
fn fastsum(_py: Python, m: &PyModule) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(total, m)?)
}
