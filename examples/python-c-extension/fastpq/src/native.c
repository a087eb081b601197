#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <libpq-fe.h>

/* Adler-32 style checksum of a bytes object: a stand-in for real hot-path C code. */
static PyObject *checksum(PyObject *self, PyObject *args) {
    const unsigned char *buf;
    Py_ssize_t len;
    if (!PyArg_ParseTuple(args, "y#", &buf, &len)) return NULL;
    unsigned long a = 1, b = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        a = (a + buf[i]) % 65521;
        b = (b + a) % 65521;
    }
    return PyLong_FromUnsignedLong((b << 16) | a);
}

/* Links against libpq, so the runtime image needs libpq5. */
static PyObject *libpq_major(PyObject *self, PyObject *noargs) {
    return PyLong_FromLong(PQlibVersion() / 10000);
}

static PyMethodDef methods[] = {
    {"checksum", checksum, METH_VARARGS, "Adler-32 checksum"},
    {"libpq_major", libpq_major, METH_NOARGS, "libpq major version"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_native", NULL, -1, methods};

PyMODINIT_FUNC PyInit__native(void) { return PyModule_Create(&module); }
