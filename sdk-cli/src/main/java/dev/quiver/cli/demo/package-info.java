/**
 * {@code quiver demo}: the end-to-end job on the bundled data, extended by each capability as it lands.
 */
package dev.quiver.cli.demo;
