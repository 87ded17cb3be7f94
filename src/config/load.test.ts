import { describe, expect, it } from '@jest/globals';
import { ConfigError, parseConfig } from './load.js';

describe('configuration', () => {
  it('fills defaults and derives the base URL from the port', () => {
    const { config } = parseConfig('server: { port: 9000 }\n', '/etc/libgate/libgate.yaml');
    expect(config.server.baseUrl).toBe('http://localhost:9000');
    expect(config.database.dataDir).toBe('./data/pglite');
    expect(config.import.items.barcode).toBe('p');
  });

  it('names the key path of an unknown key', () => {
    expect(() => parseConfig('server:\n  prot: 1\n', 'x.yaml')).toThrow(/x\.yaml: server\.prot: unknown key/);
  });

  it('names the key path of a wrong type', () => {
    expect(() => parseConfig('server:\n  port: eighty\n', 'x.yaml')).toThrow(ConfigError);
    expect(() => parseConfig('server:\n  port: eighty\n', 'x.yaml')).toThrow(/server\.port/);
    expect(() => parseConfig('import:\n  idField: "24$"\n', 'x.yaml')).toThrow(/import\.idField/);
  });

  it('reports every problem at once', () => {
    expect(() => parseConfig('server: { port: -1 }\nbogus: 1\n', 'x.yaml')).toThrow(/server\.port.*bogus: unknown key|bogus: unknown key.*server\.port/);
  });

  it('lets the environment choose the database and port, and keeps a configured base URL', () => {
    const { config } = parseConfig('server: { baseUrl: "https://cat.example.org/gw/" }\n', 'x.yaml', { databaseUrl: 'postgres://db/x', port: 81 });
    expect(config.database.url).toBe('postgres://db/x');
    expect(config.server.port).toBe(81);
    expect(config.server.baseUrl).toBe('https://cat.example.org/gw');
  });

  it('refuses invalid YAML and duplicate keys', () => {
    expect(() => parseConfig('server: [\n', 'x.yaml')).toThrow(/invalid YAML/);
    expect(() => parseConfig('server: {}\nserver: {}\n', 'x.yaml')).toThrow(/invalid YAML/);
  });

  it('returns a frozen config', () => {
    const { config } = parseConfig('', 'x.yaml');
    expect(Object.isFrozen(config.server)).toBe(true);
  });
});
