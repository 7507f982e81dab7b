/** Value types and UI building blocks that every module shares: segments, channels, the main layout, API errors. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dev.loopkeeper.sharedkernel;
