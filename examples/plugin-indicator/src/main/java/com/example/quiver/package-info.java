/**
 * An example indicator plugin: {@link com.example.quiver.ForceIndex Elder's force index} and the
 * {@link com.example.quiver.ExampleKernelProvider provider} that registers it with Quiver.
 */
package com.example.quiver;
