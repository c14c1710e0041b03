/**
 * JSON outputs through Jackson 3: {@link dev.quiver.io.json.JsonFiles}.
 */
package dev.quiver.io.json;
