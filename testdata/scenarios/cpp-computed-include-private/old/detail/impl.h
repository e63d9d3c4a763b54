#pragma once
int impl();
