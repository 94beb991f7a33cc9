package main

import ext "gongshi/generator/extend"

// extend is what every command that builds passes as build.Options.Extend.
var extend = ext.Standard
