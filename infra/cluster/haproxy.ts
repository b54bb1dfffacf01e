import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { openLog, Proc } from './processes';

/** Debian's haproxy (`apt-get install haproxy`), if there is one. */
export function findHaproxy(): string | null {
  for (const p of [process.env.HAPROXY_PATH, '/usr/sbin/haproxy', '/usr/bin/haproxy']) if (p && existsSync(p)) return p;
  try {
    return execFileSync('sh', ['-c', 'command -v haproxy'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

/**
 * One haproxy in front of the api processes (HTTP, health-checked on /api/health, a connection refused is tried on
 * the next server) and of the Temporal frontends (TCP, for the gRPC clients of the api and the workers).
 */
export function haproxyConfig(opts: {
  apiPort: number;
  apiPorts: number[];
  temporalPort: number;
  frontends: string[];
  statsPort?: number;
}): string {
  return `# written by infra/cluster; regenerated at every start
global
  maxconn 4096
defaults
  timeout connect 2s
  timeout client 5m
  timeout server 5m
  timeout check 2s
  retries 3
  option redispatch
frontend api
  mode http
  bind 127.0.0.1:${opts.apiPort}
  option forwardfor
  default_backend apis
backend apis
  mode http
  balance roundrobin
  option httpchk GET /api/health
  http-check expect status 200
  # only what is safe for any method: the request never reached an api process
  retry-on conn-failure
${opts.apiPorts.map((p, i) => `  server api${i + 1} 127.0.0.1:${p} check inter 1s fall 2 rise 1`).join('\n')}
frontend temporal
  mode tcp
  bind 127.0.0.1:${opts.temporalPort}
  default_backend frontends
backend frontends
  mode tcp
  balance roundrobin
${opts.frontends.map((a, i) => `  server frontend${i + 1} ${a} check inter 1s fall 2 rise 1`).join('\n')}
${
  opts.statsPort
    ? `frontend stats
  mode http
  bind 127.0.0.1:${opts.statsPort}
  stats enable
  stats uri /
`
    : ''
}`;
}

export function haproxyProc(bin: string, dataDir: string, config: string, port: number): Proc {
  const file = path.join(dataDir, 'haproxy.cfg');
  writeFileSync(file, config);
  return new Proc({
    name: 'haproxy',
    command: bin,
    args: ['-db', '-f', file],
    log: openLog(path.join(dataDir, 'haproxy.log')),
    port,
  });
}
