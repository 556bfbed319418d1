"""Throwaway PostgreSQL and Redis on random ports, for tests, the scale demo and benchmarks.

Nothing here is used in production. PostgreSQL refuses to run as root, so as
root the cluster is made and run as the ``postgres`` user; its directory is
handed to that user. Each instance lives in a directory of its own and is
stopped with ``stop()``; ``start()`` again brings the same data back (the
fault tests stop the database mid-conversation).
"""

from __future__ import annotations

import glob
import os
import re
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa

from devtools.ports import free_port


def postgres_bin() -> Path | None:
    """Directory of initdb/pg_ctl (Debian keeps them off PATH)."""
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(candidates[-1]).parent if candidates else None


def redis_bin() -> Path | None:
    found = shutil.which("redis-server")
    return Path(found) if found else None


def _as_postgres(cmd: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return cmd
    return ["runuser", "-u", "postgres", "--", *cmd]


@dataclass
class Postgres:
    """One throwaway cluster: trust auth on 127.0.0.1, fsync off (test data only)."""

    root: Path
    port: int = 0

    def __post_init__(self) -> None:
        self.port = self.port or free_port()
        self.data = self.root / "data"
        self.bin = postgres_bin()
        if self.bin is None:
            raise FileNotFoundError("PostgreSQL (initdb) is not installed")

    @classmethod
    def temporary(cls) -> Postgres:
        """A cluster under /tmp that the ``postgres`` user can reach (pytest dirs are 0700)."""
        import tempfile

        root = Path(tempfile.mkdtemp(prefix="iop-pg-"))
        root.chmod(0o755)
        return cls(root)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def _run(self, *args: str) -> None:
        done = subprocess.run(
            _as_postgres([str(self.bin / args[0]), *args[1:]]),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        if done.returncode:
            raise RuntimeError(f"{args[0]} failed: {done.stderr.strip()[-500:]}")

    def init(self) -> Postgres:
        self.root.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres", "postgres")
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "--no-sync")
        return self.start()

    def start(self) -> Postgres:
        options = (
            f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        )
        self._run(
            "pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.root / "pg.log"),
            "-w", "start",
        )  # fmt: skip
        return self

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def create_database(self, name: str) -> str:
        engine = sa.create_engine(self.url(), isolation_level="AUTOCOMMIT")
        with engine.connect() as connection:
            connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
        engine.dispose()
        return self.url(name)


@dataclass
class Redis:
    """One throwaway Redis server without persistence."""

    root: Path
    port: int = 0

    def __post_init__(self) -> None:
        self.root = self.root.resolve()  # redis-server chdirs to --dir when daemonized
        self.port = self.port or free_port()
        self.pidfile = self.root / "redis.pid"

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/1"

    def start(self) -> Redis:
        self.root.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                "redis-server", "--port", str(self.port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", str(self.root),
                "--daemonize", "yes", "--pidfile", str(self.pidfile),
                "--logfile", str(self.root / "redis.log"),
            ],
            check=True,
        )  # fmt: skip
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return self
            except OSError:
                time.sleep(0.1)
        raise TimeoutError("redis did not start")

    def stop(self) -> None:
        if not self.pidfile.exists():
            return
        pid = int(self.pidfile.read_text().strip() or 0)
        if pid:
            try:
                os.kill(pid, 15)
            except ProcessLookupError:
                pass
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline and Path(f"/proc/{pid}").exists():
                time.sleep(0.1)
        self.pidfile.unlink(missing_ok=True)


LOCAL_NGINX = """
worker_processes 1;
pid {root}/nginx.pid;
error_log {root}/error.log warn;
events {{ worker_connections 4096; }}
http {{
  access_log off;
  client_body_temp_path {root}/body; proxy_temp_path {root}/proxy;
  fastcgi_temp_path {root}/fastcgi; uwsgi_temp_path {root}/uwsgi; scgi_temp_path {root}/scgi;
  map $http_upgrade $connection_upgrade {{ default upgrade; "" close; }}
  map $http_x_forwarded_for $sticky_key {{ "" $remote_addr; default $http_x_forwarded_for; }}
  upstream rasa_any {{ least_conn; {rasa_servers} }}
  upstream rasa_sticky {{ hash $sticky_key consistent; {rasa_servers} }}
  upstream rasa_voice {{ {voice_servers} }}
  upstream actions {{ least_conn; {action_servers} }}
  proxy_http_version 1.1;
  proxy_set_header Host $http_host;
  proxy_set_header Connection "";
  server {{
    listen 127.0.0.1:{port};
    location /socket.io/ {{
      proxy_pass http://rasa_sticky;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      proxy_read_timeout 3600s;
    }}
    location /webhooks/voice/ {{ proxy_pass http://rasa_voice; }}
    location / {{ proxy_pass http://rasa_any; proxy_read_timeout 120s; }}
  }}
  server {{
    listen 127.0.0.1:{actions_port};
    location / {{ proxy_pass http://actions; proxy_read_timeout 60s; }}
  }}
}}
"""


@dataclass
class Nginx:
    """nginx in front of local Rasa and action servers (the scale demo, the load benchmark)."""

    root: Path
    rasa_ports: list[int]
    action_ports: list[int]
    port: int = 0
    actions_port: int = 0

    def __post_init__(self) -> None:
        self.root = self.root.resolve()
        self.port = self.port or free_port()
        self.actions_port = self.actions_port or free_port()
        self.conf = self.root / "nginx.conf"

    def render(self) -> str:
        def servers(ports: list[int]) -> str:
            return " ".join(f"server 127.0.0.1:{p} max_fails=2 fail_timeout=5s;" for p in ports)

        voice = [f"server 127.0.0.1:{self.rasa_ports[0]};"]
        voice += [f"server 127.0.0.1:{p} backup;" for p in self.rasa_ports[1:]]
        return LOCAL_NGINX.format(
            root=self.root,
            port=self.port,
            actions_port=self.actions_port,
            rasa_servers=servers(self.rasa_ports),
            voice_servers=" ".join(voice),
            action_servers=servers(self.action_ports),
        )

    def start(self) -> Nginx:
        self.root.mkdir(parents=True, exist_ok=True)
        self.conf.write_text(self.render())
        args = [
            "nginx",
            "-p",
            str(self.root),
            "-c",
            str(self.conf),
            "-e",
            str(self.root / "error.log"),
        ]
        subprocess.run([*args, "-t", "-q"], check=True)
        subprocess.run(args, check=True)
        return self

    def stop(self) -> None:
        pid = self.root / "nginx.pid"
        if pid.exists():
            try:
                os.kill(int(pid.read_text().strip()), 15)
            except (ProcessLookupError, ValueError):
                pass


DEPLOY_NGINX = Path(__file__).resolve().parents[1] / "deploy" / "nginx" / "nginx.conf"
# deploy/nginx/nginx.conf's upstream hosts (docker-compose service names)
_DEPLOY_HOSTS = ("rasa-1:5005", "rasa-2:5005", "actions:5055", "web:8000", "console:8080")


@dataclass
class DeployNginx:
    """The production nginx config (deploy/nginx/nginx.conf) on loopback ports, in front of
    local servers: only what cannot work here changes (compose host names, listen ports,
    certificate paths, log files, pid and temp paths, one worker); every ``location``,
    upstream balancing rule and header is the deployed one. TLS stays on, with a
    self-signed certificate made for the run. Runs in the foreground as a child process.
    """

    root: Path
    rasa_ports: list[int]  # rasa-1, rasa-2
    actions_port: int  # the ``actions`` upstream
    console_port: int = 0
    web_port: int = 0
    port: int = 0  # assistant.example.org (TLS): widget socket, webhooks
    console_tls_port: int = 0  # console.example.org (TLS)
    http_port: int = 0  # port 80's redirect to https
    private_port: int = 0  # the private listener the Rasa servers reach actions through

    def __post_init__(self) -> None:
        self.root = self.root.resolve()
        for name in ("console_port", "web_port", "port", "console_tls_port", "http_port",
                     "private_port"):  # fmt: skip
            if not getattr(self, name):
                setattr(self, name, free_port())
        self.conf = self.root / "nginx.conf"
        self.access_log = self.root / "access.log"
        self.error_log = self.root / "error.log"
        # self-signed for 127.0.0.1: clients verify against it (REQUESTS_CA_BUNDLE)
        self.certificate = self.root / "fullchain.pem"
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        """The assistant's public address through nginx."""
        return f"https://127.0.0.1:{self.port}"

    @property
    def console_url(self) -> str:
        """The staff console through nginx."""
        return f"https://127.0.0.1:{self.console_tls_port}"

    def render(self, conf: str) -> str:
        """``conf`` (the deployed config) with local addresses; fails on a config it no longer
        matches, so the test cannot silently run against something else."""
        ports = [*self.rasa_ports[:2], self.actions_port, self.web_port, self.console_port]
        for host, port in zip(_DEPLOY_HOSTS, ports, strict=True):
            if f"server {host}" not in conf:
                raise ValueError(f"deploy/nginx/nginx.conf has no upstream server {host}")
            conf = conf.replace(f"server {host}", f"server 127.0.0.1:{port}")
        tls = iter([self.port, self.console_tls_port])
        conf, count = re.subn(
            r"listen 443 ssl http2;", lambda _m: f"listen 127.0.0.1:{next(tls)} ssl http2;", conf
        )
        expected = {"listen 80;": f"listen 127.0.0.1:{self.http_port};",
                    "listen 5055;": f"listen 127.0.0.1:{self.private_port};",
                    "/etc/nginx/tls/": f"{self.root}/", "/dev/stdout": str(self.access_log),
                    "/dev/stderr": str(self.error_log),
                    "worker_processes auto;": "worker_processes 1;"}  # fmt: skip
        missing = [old for old in expected if old not in conf]
        if count != 2 or missing:
            raise ValueError(f"deploy/nginx/nginx.conf changed shape: {missing or 'listen 443'}")
        for old, new in expected.items():
            conf = conf.replace(old, new)
        temp = " ".join(
            f"{kind}_temp_path {self.root}/{kind};"
            for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        conf = conf.replace("http {", "http {\n  " + temp, 1)
        return f"pid {self.root}/nginx.pid;\n" + conf

    def _certificate(self) -> None:
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
             "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
             "-keyout", str(self.root / "privkey.pem"), "-out", str(self.certificate)],
            check=True, capture_output=True,
        )  # fmt: skip

    def start(self, timeout: float = 30) -> DeployNginx:
        self.root.mkdir(parents=True, exist_ok=True)
        self._certificate()
        self.conf.write_text(self.render(DEPLOY_NGINX.read_text()))
        args = ["nginx", "-p", str(self.root), "-c", str(self.conf), "-e", str(self.error_log)]
        subprocess.run([*args, "-t", "-q"], check=True)
        self.process = subprocess.Popen([*args, "-g", "daemon off;"])
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"nginx exited; see {self.error_log}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return self
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise TimeoutError("nginx did not listen")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()  # SIGTERM: nginx's fast shutdown
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None
