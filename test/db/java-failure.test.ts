import { describe, expect, it } from 'vitest';
import { javaFailure } from '../../src/db/local-neo4j';

describe('javaFailure', () => {
  it('names the reason a Java tool gave, not the last frame of its stack trace', () => {
    const output = [
      "java.lang.IllegalArgumentException: Unrecognized setting. No declared setting with name: db.logs.query.nope.",
      '\tat org.neo4j.configuration.Config.validateConfig(Config.java:612)',
      '\tat org.neo4j.cli.AdminTool.main(AdminTool.java:82)',
    ].join('\n');
    expect(javaFailure(output)).toBe('Unrecognized setting. No declared setting with name: db.logs.query.nope.');
  });

  it('keeps a plain one-line message as it is', () => {
    expect(javaFailure('Required environment variable NEO4J_HOME is not set\n')).toBe('Required environment variable NEO4J_HOME is not set');
  });

  it('does not return an empty reason for empty output', () => {
    expect(javaFailure('')).toBe('no output');
  });
});
